package dev.parley.assistant.llm;

import java.util.List;
import java.util.Objects;

/** What a provider generated (text, or tool calls with possibly empty text), with the tokens it counted. */
public record LlmResponse(String text, TokenUsage usage, String provider, String model,
        List<LlmRequest.ToolCall> toolCalls) {

    public LlmResponse {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.NONE : usage;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public LlmResponse(String text, TokenUsage usage, String provider, String model) {
        this(text, usage, provider, model, List.of());
    }

    /** Input and output tokens of one call, as the provider reported them. */
    public record TokenUsage(int input, int output) {

        public static final TokenUsage NONE = new TokenUsage(0, 0);

        public TokenUsage {
            if (input < 0 || output < 0) {
                throw new IllegalArgumentException("token counts are never negative");
            }
        }
    }
}
