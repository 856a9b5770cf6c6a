package dev.parley.assistant.llm;

import java.util.Map;

/**
 * A persona an admin may not save, with one message per field ({@code companyName}, {@code tone},
 * {@code guidelines}, {@code forbiddenTopics}) so a form can show each next to its input.
 */
public class InvalidPersona extends RuntimeException {

    private final Map<String, String> errors;

    InvalidPersona(Map<String, String> errors) {
        super("Invalid persona: " + errors);
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
