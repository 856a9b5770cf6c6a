package dev.parley.assistant.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings for unit tests. */
final class TestSettings {

    private TestSettings() {
    }

    static LlmSettings offline(boolean redactStored) {
        return new LlmSettings("offline", null, null, null, persona(), prices(), redactStored,
                new LlmSettings.Cache(true, 100, Duration.ofHours(1)), resilience());
    }

    static LlmSettings openAi(String baseUrl) {
        return new LlmSettings("openai", new LlmSettings.Endpoint(baseUrl + "/v1", "sk-test", "gpt-test", 0.1, 400),
                null, null, persona(), prices(), false, new LlmSettings.Cache(true, 100, Duration.ofHours(1)),
                resilience());
    }

    static LlmSettings.Persona persona() {
        return new LlmSettings.Persona("Acme Bikes", "friendly and concise", List.of("Mention the help center."),
                List.of("politics"));
    }

    static Map<String, LlmSettings.Price> prices() {
        return Map.of("gpt-test", new LlmSettings.Price(new BigDecimal("0.15"), new BigDecimal("0.60")));
    }

    static LlmSettings.Resilience resilience() {
        return new LlmSettings.Resilience(Duration.ofMillis(1500), 2, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(5), 50, 4, 4, Duration.ofMinutes(1));
    }
}
