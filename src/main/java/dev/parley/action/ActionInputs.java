package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fills an action's inputs from their sources, in order, and validates each against its type, pattern and choices.
 * The first one missing or invalid is what the customer is asked for next (one question at a time).
 */
final class ActionInputs {

    static final int MAX_LENGTH = 500;

    private ActionInputs() {
    }

    /** The filled values, or ({@code ask} set) the question for the first input that is missing or invalid. */
    record Filling(Map<String, String> values, ActionResult ask) {
    }

    static Filling fill(ActionDefinition action, ActionContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Input input : action.inputs()) {
            String raw = switch (input.source()) {
                case IDENTITY_ID -> context.customer() == null ? null : context.customer().customerId();
                case IDENTITY_EMAIL -> context.customer() == null ? null : context.customer().email();
                case CONVERSATION -> context.conversationId() == null ? null : context.conversationId().toString();
                case ASK -> context.given().get(input.name());
            };
            if (raw == null || raw.isBlank()) {
                if (input.required()) {
                    return new Filling(values, ActionResult.needsInput(input.name(), question(input), null));
                }
                continue;
            }
            Optional<String> problem = problem(input, raw.strip());
            if (problem.isPresent()) {
                return new Filling(values, ActionResult.needsInput(input.name(), question(input), problem.get()));
            }
            values.put(input.name(), normalise(input, raw.strip()));
        }
        return new Filling(values, null);
    }

    static String question(Input input) {
        return input.prompt() != null && !input.prompt().isBlank() ? input.prompt()
                : "What is your " + input.name().replace('_', ' ') + "?";
    }

    /** What is wrong with a value, in words a customer understands; empty when it is fine. */
    static Optional<String> problem(Input input, String value) {
        if (value.length() > MAX_LENGTH || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("That is longer than one line; please send just the " + input.name() + ".");
        }
        String expected = switch (input.type()) {
            case INTEGER -> value.matches("-?\\d{1,18}") ? null : "a whole number";
            case DECIMAL -> decimal(value) ? null : "a number";
            case BOOLEAN -> value.toLowerCase(Locale.ROOT).matches("true|false|yes|no") ? null : "yes or no";
            case ENUM -> input.values().stream().anyMatch(v -> v.equalsIgnoreCase(value)) ? null
                    : "one of " + String.join(", ", input.values());
            case STRING -> null;
        };
        if (expected != null) {
            return Optional.of("\"" + value + "\" is not " + expected + ".");
        }
        if (input.pattern() != null && !input.pattern().isBlank() && !Pattern.compile(input.pattern()).matcher(value)
                .matches()) {
            return Optional.of("\"" + value + "\" does not look like a valid " + input.name().replace('_', ' ') + ".");
        }
        return Optional.empty();
    }

    private static String normalise(Input input, String value) {
        return switch (input.type()) {
            case BOOLEAN -> String.valueOf(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes"));
            case ENUM -> input.values().stream().filter(v -> v.equalsIgnoreCase(value)).findFirst().orElse(value);
            default -> value;
        };
    }

    private static boolean decimal(String value) {
        try {
            new BigDecimal(value);
            return value.matches("-?\\d+(\\.\\d+)?");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
