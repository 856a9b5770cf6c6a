package dev.parley.assistant.llm.provider;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import org.springframework.stereotype.Component;

/** A local or remote Ollama server's {@code /api/chat}. */
@Component
class OllamaProviderFactory implements LlmProviderFactory {

    @Override
    public String id() {
        return "ollama";
    }

    @Override
    public LlmProvider create(LlmSettings settings) {
        var endpoint = settings.ollama();
        var timeout = settings.resilience().timeout();
        OllamaChatModel chat = OllamaChatModel.builder()
                .maxRetries(0)
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).modelName(endpoint.model())
                .temperature(endpoint.temperature()).numPredict(endpoint.maxTokens())
                .timeout(timeout)
                .build();
        OllamaStreamingChatModel streaming = OllamaStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).modelName(endpoint.model())
                .temperature(endpoint.temperature()).numPredict(endpoint.maxTokens())
                .timeout(timeout)
                .build();
        return new LangChainProvider(id(), endpoint.model(), chat, streaming, timeout);
    }
}
