package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationStatusTests {

    @Test
    void theAssistantOnlyHandlesOpenAndAiResolvedConversations() {
        assertThat(ConversationStatus.OPEN.handledByAssistant()).isTrue();
        assertThat(ConversationStatus.AI_RESOLVED.handledByAssistant()).isTrue();
        assertThat(ConversationStatus.ESCALATED.handledByAssistant()).isFalse();
        assertThat(ConversationStatus.IN_PROGRESS.handledByAssistant()).isFalse();
    }

    @Test
    void aClosedConversationCanOnlyBeReopenedByAPerson() {
        assertThat(ConversationStatus.CLOSED.next()).containsExactly(ConversationStatus.IN_PROGRESS);
    }

    @Test
    void subjectsAreCutAtAWordBoundary() {
        assertThat(Subjects.fromFirstMessage("short one", 80)).isEqualTo("short one");
        assertThat(Subjects.fromFirstMessage("word ".repeat(30), 20)).isEqualTo("word word word word…");
        assertThat(Subjects.fromFirstMessage("line\n\nbreaks   here", 80)).isEqualTo("line breaks here");
    }
}
