package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.VerifiedCustomers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actions as tools for a generative model. A tool's parameters are only the inputs the customer gives ({@code ASK});
 * the verified customer and the conversation are filled by Parley, never by the model. A call runs through the same
 * runner as the offline path: identity, inputs, confirmation (a write is confirmed by the customer, never by the
 * model), idempotency, rate limit. What goes back to the model leaves out redacted response fields and masks redacted
 * values in the answer; anything but a success ends the model's turn with what the offline path would say.
 */
@Service
public class ActionTools {

    /** A tool result's source id is this prefix and the action's name; an answer cites it like an article. */
    public static final String SOURCE_PREFIX = "action:";

    /** What an action offers a model: its name, description and the customer's inputs. */
    public record Tool(String name, String description, List<Input> parameters) {
    }

    /**
     * What a call came to. With {@code stop} set the turn ends with that outcome (a question, a confirmation, a
     * sign-in message or a hand-over); otherwise {@code result} (JSON) goes back to the model and may be cited as
     * {@code sourceId}.
     */
    public record Call(String sourceId, String title, String result, AssistantOutcome stop) {

        public Optional<AssistantOutcome> stops() {
            return Optional.ofNullable(stop);
        }
    }

    private final Actions actions;
    private final ActionDialogs dialogs;
    private final VerifiedCustomers verified;
    private final JsonMapper json;

    ActionTools(Actions actions, ActionDialogs dialogs, VerifiedCustomers verified, JsonMapper json) {
        this.actions = actions;
        this.dialogs = dialogs;
        this.verified = verified;
        this.json = json;
    }

    /** Every defined action, as a tool. */
    public List<Tool> offered() {
        return actions.all().stream().map(ActionTools::tool).toList();
    }

    /**
     * Runs the action named {@code name} for the conversation with the model's {@code arguments} (values for other
     * than the customer's inputs are ignored).
     */
    public Call call(UUID conversationId, String name, Map<String, String> arguments, double confidence) {
        Optional<ActionDefinition> found = actions.all().stream().filter(a -> a.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            return new Call(null, null, json.writeValueAsString(Map.of("error", "there is no tool named " + name)),
                    null);
        }
        ActionDefinition action = found.get();
        Map<String, String> given = new LinkedHashMap<>();
        for (Input input : action.inputs()) {
            String value = arguments.get(input.name());
            if (input.source() == Source.ASK && value != null && !value.isBlank()) {
                given.put(input.name(), value);
            }
        }
        ActionResult result = dialogs.runForModel(action, conversationId, given);
        if (result.status() != ActionResult.Status.SUCCEEDED) {
            return new Call(null, null, null, dialogs.outcome(action, conversationId, given, result, 0, confidence));
        }
        dialogs.forget(conversationId);
        String sourceId = SOURCE_PREFIX + action.name();
        return new Call(sourceId, title(action), forModel(action, conversationId, given, result, sourceId), null);
    }

    /** The result without redacted fields, and the answer with redacted values masked. */
    private String forModel(ActionDefinition action, UUID conversationId, Map<String, String> given,
            ActionResult result, String sourceId) {
        Map<String, String> values = ActionInputs.fill(action, new ActionContext(conversationId,
                verified.ofConversation(conversationId).orElse(null), given, true, false)).values();
        Map<String, String> shown = new LinkedHashMap<>();
        for (ResponseField field : action.responseFields()) {
            String value = result.outputs().get(field.name());
            if (!field.redact() && value != null) {
                shown.put(field.name(), value);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", sourceId);
        body.put("status", "succeeded");
        body.put("result", shown);
        body.put("answer", result.answer() == null ? ""
                : ActionRunner.maskedAnswer(result.answer(), action, values, result.outputs()));
        return json.writeValueAsString(body);
    }

    private static String title(ActionDefinition action) {
        return action.description() == null || action.description().isBlank() ? action.name()
                : action.description().length() <= 120 ? action.description()
                : action.description().substring(0, 117) + "...";
    }

    private static Tool tool(ActionDefinition action) {
        StringBuilder description = new StringBuilder(action.description() == null ? action.name()
                : action.description());
        if (!action.examples().isEmpty()) {
            description.append(" Customers ask for it like: ").append(String.join(" | ", action.examples()));
        }
        if (action.needsConfirmation()) {
            description.append(" It changes something; the customer is asked to confirm before it runs.");
        }
        return new Tool(action.name(), description.toString(),
                action.inputs().stream().filter(i -> i.source() == Source.ASK).toList());
    }
}
