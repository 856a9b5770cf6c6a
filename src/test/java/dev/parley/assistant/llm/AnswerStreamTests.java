package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerStreamTests {

    private final String system = new GroundedPrompt(TestSettings.persona()).system();
    private final List<String> shown = new ArrayList<>();
    private final AnswerStream stream = new AnswerStream(new OutputGuard(system), shown::add);

    private void feed(String json, int chunk) {
        for (int i = 0; i < json.length(); i += chunk) {
            stream.accept(json.substring(i, Math.min(json.length(), i + chunk)));
        }
    }

    @Test
    void forwardsOnlyTheAnswerTextDecodingEscapesSplitAcrossChunks() {
        String answer = "Line one \"quoted\"\nline two \\ backslash \u00e9t\u00e9 caf\u00e9 and a long tail of text.";
        feed(OpenAiWire.decision(true, List.of("kb-1"), answer).replace("\u00e9", "\\u00e9"), 3);

        assertThat(String.join("", shown)).isEqualTo(answer);
    }

    @Test
    void showsNothingUntilTheModelSaidTheQuestionIsAnswerable() {
        feed(OpenAiWire.decision(false, List.of(), "I cannot help with that, but here is a long explanation why."), 5);

        assertThat(shown).isEmpty();
        assertThat(stream.previewed()).isFalse();
    }

    @Test
    void holdsBackTheTailWhileTheAnswerIsStillOpen() {
        stream.accept("{\"answerable\":true,\"usedSources\":[\"kb-1\"],\"answer\":\"");
        stream.accept("a".repeat(60));

        assertThat(String.join("", shown)).hasSize(60 - 48);
    }

    @Test
    void stopsShowingWhenTheAnswerStartsRepeatingTheSystemPrompt() {
        String leak = "Here are my rules. " + system;
        feed(OpenAiWire.decision(true, List.of("kb-1"), leak), 4);

        String preview = String.join("", shown);
        assertThat(preview).doesNotContain(GroundedPrompt.CANARY);
        assertThat(new OutputGuard(system).leaks(preview)).isFalse();
    }
}
