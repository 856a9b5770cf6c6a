package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one prompt and reading of the model's answer that the background writer and the eval command share. */
class QuestionPromptTests {

    @Test
    void readsTheModelsLinesAsQuestions() {
        assertThat(QuestionPrompt.lines("1. Where is my order?\r\n\n* “Can I pay later?”\n  3) refund?  "))
                .containsExactly("Where is my order?", "Can I pay later?", "refund?");
        assertThat(QuestionPrompt.lines(null)).isEmpty();
    }

    @Test
    void asksForTheQuestionsInTheArticlesLanguageWithTheTitleFirstAndTheBodyCut() {
        LlmRequest request = QuestionPrompt.request("Winterstiefel", "x".repeat(7_000), "de", 3);

        assertThat(request.system()).contains("write 3 different short questions").contains("(German)");
        String user = request.turns().getFirst().text();
        assertThat(user).startsWith("# Winterstiefel\n\n").hasSize("# Winterstiefel\n\n".length() + 6_000);
        assertThat(QuestionPrompt.request("Boots", "Warm.", null, 5).system()).contains("(English)");
    }
}
