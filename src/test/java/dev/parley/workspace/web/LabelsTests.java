package dev.parley.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.EscalationReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Agents read words, never enum codes or Markdown marks. */
class LabelsTests {

    private final Labels labels = new Labels();

    @Test
    void everyStatusAndReasonHasWordsWithoutUnderscoresOrShouting() {
        Arrays.stream(ConversationStatus.values()).map(labels::status)
                .forEach(l -> assertThat(l).isNotBlank().doesNotContain("_").isNotEqualTo(l.toUpperCase()));
        Arrays.stream(EscalationReason.values()).map(labels::reason)
                .forEach(l -> assertThat(l).isNotBlank().doesNotContain("_").isNotEqualTo(l.toUpperCase()));
        assertThat(labels.reason(EscalationReason.LOOP)).isEqualTo("Customer asked again");
    }

    @Test
    void prioritiesAndChannelsReadAsWords() {
        Arrays.stream(dev.parley.conversation.Priority.values()).map(labels::priority)
                .forEach(l -> assertThat(l).isNotBlank().doesNotContain("_").isNotEqualTo(l.toUpperCase()));
        assertThat(labels.priority(dev.parley.conversation.Priority.HIGH)).isEqualTo("High");
        assertThat(labels.channel("web")).isEqualTo("Website chat");
        assertThat(labels.channel("whatsapp")).isEqualTo("WhatsApp");
        assertThat(labels.channel("sms")).isEqualTo("SMS");
        assertThat(labels.channel("carrier_pigeon")).isEqualTo("Carrier pigeon");
    }

    @Test
    void aFinishedConversationIsReopenedToAPersonNotHandedBackToTheAssistant() {
        assertThat(labels.move(ConversationStatus.RESOLVED, ConversationStatus.IN_PROGRESS)).isEqualTo("Reopen");
        assertThat(labels.offers(ConversationStatus.RESOLVED, ConversationStatus.OPEN)).isFalse();
        assertThat(labels.move(ConversationStatus.ESCALATED, ConversationStatus.IN_PROGRESS)).isEqualTo("Mark in progress");
        assertThat(labels.offers(ConversationStatus.ESCALATED, ConversationStatus.IN_PROGRESS)).isTrue();
        assertThat(labels.agentsOnline(1)).isEqualTo("1 agent online");
        assertThat(labels.agentsOnline(3)).isEqualTo("3 agents online");
    }

    @Test
    void previewsShowMarkdownAsPlainText() {
        assertThat(labels.plain("**Returns** are free.\n- Print the [label](/help/articles/returns)\n## More"))
                .isEqualTo("Returns are free. Print the label More");
        assertThat(labels.plain(null)).isEmpty();
    }
}
