package dev.parley.assistant.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import org.springframework.stereotype.Component;

/** Anthropic's Messages API. */
@Component
class AnthropicProviderFactory implements LlmProviderFactory {

    @Override
    public String id() {
        return "anthropic";
    }

    @Override
    public LlmProvider create(LlmSettings settings) {
        var endpoint = settings.anthropic();
        if (endpoint.apiKey() == null || endpoint.apiKey().isBlank()) {
            throw new IllegalStateException("parley.assistant.anthropic.api-key is required for provider anthropic");
        }
        var timeout = settings.resilience().timeout();
        var chat = AnthropicChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey()).modelName(endpoint.model())
                .temperature(endpoint.temperature()).maxTokens(endpoint.maxTokens())
                .timeout(timeout).maxRetries(0)
                .build();
        var streaming = AnthropicStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey()).modelName(endpoint.model())
                .temperature(endpoint.temperature()).maxTokens(endpoint.maxTokens())
                .timeout(timeout)
                .build();
        return new LangChainProvider(id(), endpoint.model(), chat, streaming, timeout);
    }
}
