package dev.parley.action;

import java.util.Map;
import java.util.UUID;

/**
 * What running an action came to. {@code SUCCEEDED}: {@code answer} is the filled template. {@code NEEDS_INPUT}:
 * ask {@code question} (for {@code input}; {@code problem} says what was wrong with the last value).
 * {@code NEEDS_CONFIRMATION}: ask {@code question} before the write runs. {@code IDENTITY_REQUIRED} and
 * {@code FAILED} hand over to a person with {@code agentNote}; a failure never has an answer.
 */
public record ActionResult(Status status, String answer, String input, String question, String problem,
        String agentNote, Map<String, String> outputs, UUID executionId) {

    public enum Status { SUCCEEDED, NEEDS_INPUT, NEEDS_CONFIRMATION, IDENTITY_REQUIRED, FAILED }

    static ActionResult needsInput(String input, String question, String problem) {
        return new ActionResult(Status.NEEDS_INPUT, null, input, question, problem, null, Map.of(), null);
    }

    static ActionResult needsConfirmation(String question) {
        return new ActionResult(Status.NEEDS_CONFIRMATION, null, null, question, null, null, Map.of(), null);
    }

    static ActionResult identityRequired(String actionName) {
        return new ActionResult(Status.IDENTITY_REQUIRED, null, null, null, null, "The action '" + actionName
                + "' needs a verified customer; this customer is not signed in on the website.", Map.of(), null);
    }
}
