package dev.parley.assistant.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StructuredAnswerTests {

    @Test
    void readsTheDecision() {
        assertThat(StructuredAnswer.parse("{\"answerable\": true, \"usedSources\": [\"kb-1\", \"kb-2\"], "
                + "\"answer\": \" Use the link. \"}"))
                .isEqualTo(new StructuredAnswer(true, List.of("kb-1", "kb-2"), "Use the link."));
    }

    @Test
    void acceptsAJsonCodeFence() {
        assertThat(StructuredAnswer.parse("```json\n{\"answerable\":false,\"usedSources\":[],\"answer\":\"\"}\n```")
                .answerable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sure! answerable: true",
            "{\"answerable\":true,\"usedSources\":[\"kb-1\"]}",
            "{\"answerable\":\"true\",\"usedSources\":[\"kb-1\"],\"answer\":\"x\"}",
            "{\"answerable\":true,\"usedSources\":\"kb-1\",\"answer\":\"x\"}",
            "{\"answerable\":true,\"usedSources\":[1],\"answer\":\"x\"}",
            "{\"answerable\":true,\"usedSources\":[\"kb-1\"],\"answer\":\"  \"}",
            "{\"answerable\":true,\"usedSources\":[\"kb-1\"],\"answer\":\"x\"} and some more text",
            "Here you go: {\"answerable\":true,\"usedSources\":[\"kb-1\"],\"answer\":\"x\"}",
            "[]",
            ""})
    void refusesAnythingButTheExactShape(String output) {
        assertThatThrownBy(() -> StructuredAnswer.parse(output)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.INVALID_RESPONSE));
    }
}
