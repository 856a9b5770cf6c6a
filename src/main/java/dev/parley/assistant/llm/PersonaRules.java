package dev.parley.assistant.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a persona set on the admin page must satisfy. Its text goes into the system prompt verbatim, so
 * it may not carry the prompts' delimiter tags or line breaks that would change the prompt's structure.
 */
final class PersonaRules {

    static final int MAX_COMPANY_NAME = 100;
    static final int MAX_TONE = 200;
    static final int MAX_LINE = 300;
    static final int MAX_LINES = 20;

    private PersonaRules() {
    }

    static void check(LlmSettings.Persona persona) {
        Map<String, String> errors = new LinkedHashMap<>();
        singleLine(errors, "companyName", "Company name", persona.companyName(), MAX_COMPANY_NAME);
        singleLine(errors, "tone", "Tone", persona.tone(), MAX_TONE);
        lines(errors, "guidelines", "guideline", persona.guidelines());
        lines(errors, "forbiddenTopics", "forbidden topic", persona.forbiddenTopics());
        if (!errors.isEmpty()) {
            throw new InvalidPersona(errors);
        }
    }

    private static void singleLine(Map<String, String> errors, String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, label + " is required");
        } else if (value.strip().length() > max) {
            errors.put(field, label + " must be at most " + max + " characters");
        } else if (value.strip().lines().count() > 1) {
            errors.put(field, label + " must be a single line");
        } else if (GroundedPrompt.containsDelimiter(value)) {
            errors.put(field, label + " may not contain the prompt's tags such as <knowledge> or <system>");
        }
    }

    private static void lines(Map<String, String> errors, String field, String label, List<String> values) {
        if (values.size() > MAX_LINES) {
            errors.put(field, "At most " + MAX_LINES + " lines, one " + label + " per line");
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String line = values.get(i);
            if (line == null || line.isBlank() || line.strip().lines().count() > 1) {
                errors.put(field, "Line " + (i + 1) + ": one non-empty " + label + " per line");
                return;
            }
            if (line.strip().length() > MAX_LINE) {
                errors.put(field, "Line " + (i + 1) + " must be at most " + MAX_LINE + " characters");
                return;
            }
            if (GroundedPrompt.containsDelimiter(line)) {
                errors.put(field, "Line " + (i + 1) + " may not contain the prompt's tags such as <knowledge>");
                return;
            }
        }
    }
}
