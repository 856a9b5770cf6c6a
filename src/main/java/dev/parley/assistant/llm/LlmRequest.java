package dev.parley.assistant.llm;

import java.util.List;
import java.util.Objects;

/**
 * A chat request: the fixed system prompt, the turns after it (customer text only ever in user turns) and the tools
 * the model may call (none for most requests).
 */
public record LlmRequest(String system, List<Turn> turns, List<LlmTool> tools) {

    public LlmRequest {
        Objects.requireNonNull(system, "system");
        turns = List.copyOf(turns);
        tools = tools == null ? List.of() : List.copyOf(tools);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one turn");
        }
    }

    public LlmRequest(String system, List<Turn> turns) {
        this(system, turns, List.of());
    }

    public static LlmRequest of(String system, String user) {
        return new LlmRequest(system, List.of(Turn.user(user)));
    }

    /** The same conversation with {@code more} turns after it. */
    LlmRequest then(List<Turn> more) {
        List<Turn> all = new java.util.ArrayList<>(turns);
        all.addAll(more);
        return new LlmRequest(system, all, tools);
    }

    /**
     * {@code ASSISTANT} turns may carry the tool calls the model made; a {@code TOOL} turn is the result of one
     * ({@code toolCallId} and {@code toolName} say which).
     */
    public enum Role { USER, ASSISTANT, TOOL }

    public record Turn(Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {

        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
            if (role == Role.TOOL && (toolCallId == null || toolName == null)) {
                throw new IllegalArgumentException("a tool result names the call it answers");
            }
        }

        public Turn(Role role, String text) {
            this(role, text, List.of(), null, null);
        }

        public static Turn user(String text) {
            return new Turn(Role.USER, text);
        }

        public static Turn assistant(String text) {
            return new Turn(Role.ASSISTANT, text);
        }

        public static Turn toolCalls(String text, List<ToolCall> calls) {
            return new Turn(Role.ASSISTANT, text == null ? "" : text, calls, null, null);
        }

        public static Turn toolResult(ToolCall call, String result) {
            return new Turn(Role.TOOL, result, List.of(), call.id(), call.name());
        }
    }

    /** A call the model asked for: which tool, with which arguments (a JSON object as the model wrote it). */
    public record ToolCall(String id, String name, String arguments) {

        public ToolCall {
            Objects.requireNonNull(name, "name");
            id = id == null || id.isBlank() ? name : id;
            arguments = arguments == null || arguments.isBlank() ? "{}" : arguments;
        }
    }
}
