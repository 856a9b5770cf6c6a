package dev.parley.assistant.llm;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI chat-completions bodies for WireMock, and readers for what the provider sent. */
final class OpenAiWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    static String completion(String content, int inputTokens, int outputTokens) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(quote(content), inputTokens, outputTokens, inputTokens + outputTokens);
    }

    static String decision(boolean answerable, List<String> sources, String answer) {
        return "{\"answerable\":" + answerable
                + ",\"usedSources\":" + JSON.writeValueAsString(sources) + ",\"answer\":" + quote(answer) + "}";
    }

    static String stream(List<String> contentDeltas, int inputTokens, int outputTokens) {
        StringBuilder sse = new StringBuilder();
        String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-test\",";
        for (String delta : contentDeltas) {
            sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(quote(delta)).append("},\"finish_reason\":null}]}\n\n");
        }
        sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
                .append("\"usage\":{\"prompt_tokens\":").append(inputTokens).append(",\"completion_tokens\":")
                .append(outputTokens).append(",\"total_tokens\":").append(inputTokens + outputTokens).append("}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    static String systemPrompt(String requestBody) {
        return messages(requestBody, "system").getFirst();
    }

    static List<String> userMessages(String requestBody) {
        return messages(requestBody, "user");
    }

    private static List<String> messages(String requestBody, String role) {
        JsonNode body = JSON.readTree(requestBody);
        return java.util.stream.StreamSupport.stream(body.path("messages").spliterator(), false)
                .filter(message -> role.equals(message.path("role").asString()))
                .map(message -> message.path("content").asString())
                .toList();
    }
}
