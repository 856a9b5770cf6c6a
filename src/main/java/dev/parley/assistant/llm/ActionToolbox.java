package dev.parley.assistant.llm;

import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionTools;
import dev.parley.conversation.SourceRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The action module's tools in the generative layer's terms: {@link LlmTool}s, and calls run by name. The layer also
 * runs without the action module (wired alone, as its own tests do): then no tools are offered.
 */
@Component
public class ActionToolbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectProvider<ActionTools> tools;
    private final int maxSteps;

    public ActionToolbox(ObjectProvider<ActionTools> tools, ObjectProvider<ToolSettings> settings) {
        this.tools = tools;
        this.maxSteps = settings.getIfAvailable(() -> new ToolSettings(3)).maxToolSteps();
    }

    int maxSteps() {
        return maxSteps;
    }

    List<LlmTool> offered() {
        ActionTools available = tools.getIfAvailable();
        return available == null ? List.of() : available.offered().stream().map(tool -> new LlmTool(tool.name(), tool.description(),
                tool.parameters().stream().map(ActionToolbox::parameter).toList())).toList();
    }

    /** Runs one call; {@code arguments} are already restored from redaction placeholders. */
    ActionTools.Call call(UUID conversationId, String name, Map<String, String> arguments, double confidence) {
        return tools.getObject().call(conversationId, name, arguments, confidence);
    }

    static SourceRef source(ActionTools.Call call) {
        return new SourceRef(call.sourceId(), call.title(), null);
    }

    /** The model's arguments as text values; anything that is not a JSON object gives none (they are asked). */
    static Map<String, String> arguments(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                node.properties().forEach(entry -> {
                    JsonNode value = entry.getValue();
                    if (value.isValueNode() && !value.isNull()) {
                        values.put(entry.getKey(), value.asString());
                    }
                });
            }
        } catch (RuntimeException notJson) {
            return Map.of();
        }
        return values;
    }

    private static LlmTool.Parameter parameter(ActionDefinition.Input input) {
        LlmTool.Type type = switch (input.type()) {
            case INTEGER -> LlmTool.Type.INTEGER;
            case DECIMAL -> LlmTool.Type.NUMBER;
            case BOOLEAN -> LlmTool.Type.BOOLEAN;
            case STRING, ENUM -> LlmTool.Type.STRING;
        };
        String description = input.prompt() != null && !input.prompt().isBlank() ? input.prompt()
                : input.name().replace('_', ' ');
        if (input.pattern() != null && !input.pattern().isBlank()) {
            description += " (matches " + input.pattern() + ")";
        }
        return new LlmTool.Parameter(input.name(), type, description, input.values(), input.required());
    }
}
