package dev.parley.assistant.llm;

import java.util.Objects;

/** What a provider generated, with the tokens it counted. */
public record LlmResponse(String text, TokenUsage usage, String provider, String model) {

    public LlmResponse {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.NONE : usage;
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
