package dev.parley.assistant.llm.provider;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import org.springframework.stereotype.Component;

/**
 * Any server speaking OpenAI's chat completions API: OpenAI itself, vLLM, llama.cpp server, LM Studio. Public so the
 * eval command, which runs without Spring, calls a model the way the application does.
 */
@Component
public class OpenAiProviderFactory implements LlmProviderFactory {

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public LlmProvider create(LlmSettings settings) {
        var endpoint = settings.openai();
        var timeout = settings.resilience().timeout();
        // local servers accept any key; OpenAI itself rejects a missing one with 401
        String apiKey = endpoint.apiKey() == null || endpoint.apiKey().isBlank() ? "none" : endpoint.apiKey();
        var chat = OpenAiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).apiKey(apiKey).modelName(endpoint.model())
                .temperature(endpoint.temperature()).maxTokens(endpoint.maxTokens())
                .timeout(timeout).maxRetries(0)
                .build();
        var streaming = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder())
                .baseUrl(endpoint.baseUrl()).apiKey(apiKey).modelName(endpoint.model())
                .temperature(endpoint.temperature()).maxTokens(endpoint.maxTokens())
                .timeout(timeout)
                .build();
        return new LangChainProvider(id(), endpoint.model(), chat, streaming, timeout);
    }
}
