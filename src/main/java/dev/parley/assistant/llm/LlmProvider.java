package dev.parley.assistant.llm;

import java.util.function.Consumer;

/**
 * One generative model behind a provider's wire format. Implementations throw {@link LlmException}
 * on every failure; they never return a partial answer.
 */
public interface LlmProvider {

    /** The provider id from configuration ({@code openai}, {@code anthropic}, {@code ollama}). */
    String id();

    /** The configured model name, which the price table is keyed on. */
    String model();

    LlmResponse complete(LlmRequest request);

    /** Streams text deltas to {@code onDelta} while generating; returns the whole response at the end. */
    LlmResponse stream(LlmRequest request, Consumer<String> onDelta);
}
