package dev.parley.assistant.llm;

import java.util.List;
import java.util.Objects;

/**
 * A tool offered to the model: its name, what it does and the parameters the model fills (only what the customer
 * says; values Parley knows, such as the verified customer, are never parameters).
 */
public record LlmTool(String name, String description, List<Parameter> parameters) {

    public LlmTool {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN }

    /** One parameter; {@code choices} (non-empty) makes it an enumeration of strings. */
    public record Parameter(String name, Type type, String description, List<String> choices, boolean required) {

        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }
}
