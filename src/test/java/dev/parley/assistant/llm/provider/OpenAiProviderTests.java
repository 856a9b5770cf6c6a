package dev.parley.assistant.llm.provider;

import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import java.util.List;

/** The contract against OpenAI's chat completions wire format (and so vLLM, llama.cpp server, LM Studio). */
class OpenAiProviderTests extends LlmProviderContract {

    @Override
    protected LlmProviderFactory factory() {
        return new OpenAiProviderFactory();
    }

    @Override
    protected LlmSettings settings(String baseUrl, LlmSettings.Resilience resilience) {
        return ProviderSettings.with("openai", new LlmSettings.Endpoint(baseUrl + "/v1", "sk-test", "gpt-test", 0.1, 300),
                resilience);
    }

    @Override
    protected String chatPath() {
        return "/v1/chat/completions";
    }

    @Override
    protected String completion(String text, int inputTokens, int outputTokens) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(WireJson.quote(text), inputTokens, outputTokens, inputTokens + outputTokens);
    }

    @Override
    protected String streamBody(List<String> deltas, int inputTokens, int outputTokens) {
        StringBuilder sse = new StringBuilder();
        String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-test\",";
        sse.append("data: ").append(head)
                .append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String delta : deltas) {
            sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(WireJson.quote(delta)).append("},\"finish_reason\":null}]}\n\n");
        }
        sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sse.append("data: ").append(head).append("\"choices\":[],\"usage\":{\"prompt_tokens\":").append(inputTokens)
                .append(",\"completion_tokens\":").append(outputTokens).append(",\"total_tokens\":")
                .append(inputTokens + outputTokens).append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    @Override
    protected String streamContentType() {
        return "text/event-stream";
    }


    @Override
    protected String toolCallCompletion(String id, String name, String arguments) {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":%s,
                 "type":"function","function":{"name":%s,"arguments":%s}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                """.formatted(WireJson.quote(id), WireJson.quote(name), WireJson.quote(arguments));
    }
}
