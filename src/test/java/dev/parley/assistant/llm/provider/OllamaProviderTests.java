package dev.parley.assistant.llm.provider;

import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import java.util.List;

/** The contract against Ollama's {@code /api/chat}, including its NDJSON streaming. */
class OllamaProviderTests extends LlmProviderContract {

    @Override
    protected LlmProviderFactory factory() {
        return new OllamaProviderFactory();
    }

    @Override
    protected LlmSettings settings(String baseUrl, LlmSettings.Resilience resilience) {
        return ProviderSettings.with("ollama", new LlmSettings.Endpoint(baseUrl, null, "llama-test", 0.1, 300),
                resilience);
    }

    @Override
    protected String chatPath() {
        return "/api/chat";
    }

    @Override
    protected String completion(String text, int inputTokens, int outputTokens) {
        return """
                {"model":"llama-test","created_at":"2026-11-23T10:00:00.000000Z",
                 "message":{"role":"assistant","content":%s},"done_reason":"stop","done":true,
                 "total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":%d,
                 "prompt_eval_duration":383809000,"eval_count":%d,"eval_duration":4799921000}
                """.formatted(WireJson.quote(text), inputTokens, outputTokens).replace("\n", "");
    }

    @Override
    protected String streamBody(List<String> deltas, int inputTokens, int outputTokens) {
        StringBuilder ndjson = new StringBuilder();
        for (String delta : deltas) {
            ndjson.append("{\"model\":\"llama-test\",\"created_at\":\"2026-11-23T10:00:00.000000Z\",")
                    .append("\"message\":{\"role\":\"assistant\",\"content\":").append(WireJson.quote(delta))
                    .append("},\"done\":false}\n");
        }
        ndjson.append("{\"model\":\"llama-test\",\"created_at\":\"2026-11-23T10:00:01.000000Z\",")
                .append("\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,")
                .append("\"total_duration\":4883583458,\"load_duration\":1334875,\"prompt_eval_count\":")
                .append(inputTokens).append(",\"prompt_eval_duration\":342546000,\"eval_count\":").append(outputTokens)
                .append(",\"eval_duration\":4535599000}\n");
        return ndjson.toString();
    }

    @Override
    protected String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    protected String toolCallCompletion(String id, String name, String arguments) {
        return """
                {"model":"llama-test","created_at":"2026-11-23T10:00:00.000000Z",
                 "message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":%s,"arguments":%s}}]},
                 "done_reason":"stop","done":true,"prompt_eval_count":10,"eval_count":5}
                """.formatted(WireJson.quote(name), arguments).replace("\n", "");
    }
}
