package dev.parley.assistant.llm;

/**
 * Creates a provider from settings; the one whose {@link #id()} equals {@code parley.assistant.provider}
 * is used (Keycloak's SPI pattern: register another factory bean to plug in another provider).
 */
public interface LlmProviderFactory {

    String id();

    LlmProvider create(LlmSettings settings);
}
