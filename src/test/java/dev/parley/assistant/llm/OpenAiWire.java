package dev.parley.assistant.llm;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OpenAI chat-completions bodies for WireMock, and readers for what the provider sent. */
public final class OpenAiWire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiWire() {
    }

    static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    public static String completion(String content, int inputTokens, int outputTokens) {
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

    /** A chat completion in which the model calls tools: each call is {id, name, arguments JSON}. */
    static String toolCalls(List<String[]> calls) {
        StringBuilder list = new StringBuilder();
        for (String[] call : calls) {
            list.append(list.isEmpty() ? "" : ",").append("{\"id\":").append(quote(call[0]))
                    .append(",\"type\":\"function\",\"function\":{\"name\":").append(quote(call[1]))
                    .append(",\"arguments\":").append(quote(call[2])).append("}}");
        }
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"gpt-test",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[%s]},
                 "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":50,"completion_tokens":10,"total_tokens":60}}
                """.formatted(list);
    }

    /** The same tool calls as a chat-completions stream (server-sent events). */
    static String streamedToolCalls(List<String[]> calls) {
        StringBuilder sse = new StringBuilder();
        String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-test\",";
        for (int i = 0; i < calls.size(); i++) {
            String[] call = calls.get(i);
            sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{")
                    .append(i == 0 ? "\"role\":\"assistant\",\"content\":null," : "")
                    .append("\"tool_calls\":[{\"index\":").append(i).append(",\"id\":").append(quote(call[0]))
                    .append(",\"type\":\"function\",\"function\":{\"name\":").append(quote(call[1]))
                    .append(",\"arguments\":").append(quote(call[2])).append("}}]},\"finish_reason\":null}]}\n\n");
        }
        sse.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},")
                .append("\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":50,")
                .append("\"completion_tokens\":10,\"total_tokens\":60}}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    /** Every message of a request body with the given role, whole (tool calls, tool_call_id and all). */
    static List<JsonNode> messagesWithRole(String requestBody, String role) {
        return java.util.stream.StreamSupport.stream(JSON.readTree(requestBody).path("messages").spliterator(), false)
                .filter(message -> role.equals(message.path("role").asString())).toList();
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
