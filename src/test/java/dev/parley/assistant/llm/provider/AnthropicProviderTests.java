package dev.parley.assistant.llm.provider;

import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmSettings;
import java.util.List;

/** The contract against Anthropic's Messages API, including its SSE event types. */
class AnthropicProviderTests extends LlmProviderContract {

    @Override
    protected LlmProviderFactory factory() {
        return new AnthropicProviderFactory();
    }

    @Override
    protected LlmSettings settings(String baseUrl, LlmSettings.Resilience resilience) {
        return ProviderSettings.with("anthropic",
                new LlmSettings.Endpoint(baseUrl + "/v1", "sk-ant-test", "claude-test", 0.1, 300), resilience);
    }

    @Override
    protected String chatPath() {
        return "/v1/messages";
    }

    @Override
    protected String completion(String text, int inputTokens, int outputTokens) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"output_tokens":%d}}
                """.formatted(WireJson.quote(text), inputTokens, outputTokens);
    }

    @Override
    protected String streamBody(List<String> deltas, int inputTokens, int outputTokens) {
        StringBuilder sse = new StringBuilder();
        event(sse, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-test\",\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens + ",\"output_tokens\":1}}}");
        event(sse, "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        event(sse, "ping", "{\"type\":\"ping\"}");
        for (String delta : deltas) {
            event(sse, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + WireJson.quote(delta) + "}}");
        }
        event(sse, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        event(sse, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
        event(sse, "message_stop", "{\"type\":\"message_stop\"}");
        return sse.toString();
    }

    private static void event(StringBuilder sse, String type, String data) {
        sse.append("event: ").append(type).append('\n').append("data: ").append(data).append("\n\n");
    }

    @Override
    protected String streamContentType() {
        return "text/event-stream";
    }

    @Override
    protected String systemPromptIn(String requestBody) {
        return WireJson.text(WireJson.read(requestBody).path("system"));
    }

    @Override
    protected String toolCallCompletion(String id, String name, String arguments) {
        return """
                {"id":"msg_02","type":"message","role":"assistant","model":"claude-test",
                 "content":[{"type":"tool_use","id":%s,"name":%s,"input":%s}],"stop_reason":"tool_use",
                 "stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":5}}
                """.formatted(WireJson.quote(id), WireJson.quote(name), arguments);
    }
}
