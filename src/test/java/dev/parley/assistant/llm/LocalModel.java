package dev.parley.assistant.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test application at a local server speaking OpenAI's wire format, as its one generative provider. */
final class LocalModel {

    private LocalModel() {
    }

    static void register(DynamicPropertyRegistry registry, WireMockServer server) {
        registry.add("parley.assistant.provider", () -> "openai");
        registry.add("parley.assistant.openai.base-url", () -> server.baseUrl() + "/v1");
        registry.add("parley.assistant.openai.api-key", () -> "test-key");
        registry.add("parley.assistant.openai.model", () -> "gpt-test");
        registry.add("parley.assistant.resilience.max-attempts", () -> "1");
    }
}
