package dev.parley.assistant.llm.provider;

import dev.parley.assistant.llm.LlmSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings for tests: one provider at a WireMock endpoint, everything else at its defaults. */
public final class ProviderSettings {

    private ProviderSettings() {
    }

    public static LlmSettings with(String provider, LlmSettings.Endpoint endpoint, LlmSettings.Resilience resilience) {
        return new LlmSettings(provider,
                provider.equals("openai") ? endpoint : null,
                provider.equals("anthropic") ? endpoint : null,
                provider.equals("ollama") ? endpoint : null,
                new LlmSettings.Persona("Acme Bikes", "friendly and concise", List.of("Mention the help center."),
                        List.of("politics")),
                Map.of(endpoint.model(), new LlmSettings.Price(new BigDecimal("0.15"), new BigDecimal("0.60"))),
                false, new LlmSettings.Cache(true, 100, Duration.ofHours(1)), resilience);
    }

    /** The real OpenAI-compatible factory, for tests outside this package. */
    public static dev.parley.assistant.llm.LlmProviderFactory openAiFactory() {
        return new OpenAiProviderFactory();
    }
}
