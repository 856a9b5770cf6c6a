package dev.parley.action;

import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.internal.PendingActions;
import dev.parley.action.internal.PendingActions.Pending;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.VerifiedCustomers;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Actions as a conversation: the assistant starts the action attached to the article it picked, the inputs come from
 * the verified customer, the conversation and the message itself, a missing one is asked (the next message answers
 * it, a bad value is asked again), a write asks "Yes / No" first, and the filled answer template is the reply. A
 * failure or a customer who must sign in hands over with a note for the agent.
 */
@Service
public class ActionDialogs {

    static final int MAX_ATTEMPTS = 3;
    /** A question left unanswered this long no longer applies: the next message is answered as any other. */
    static final Duration STALE = Duration.ofMinutes(30);
    private static final int CHANGED_TOPIC_WORDS = 4;

    private final Actions actions;
    private final PendingActions pending;
    private final VerifiedCustomers verified;
    private final Clock clock;

    ActionDialogs(Actions actions, PendingActions pending, VerifiedCustomers verified, Clock clock) {
        this.actions = actions;
        this.pending = pending;
        this.verified = verified;
        this.clock = clock;
    }

    /** Runs the action attached to {@code articleId}, if there is one, for the customer's message. */
    public Optional<AssistantOutcome> start(String articleId, UUID conversationId, String text, double confidence) {
        return actions.forArticle(articleId).map(action -> {
            Map<String, String> given = new HashMap<>();
            for (Input input : action.inputs()) {
                if (input.source() == ActionDefinition.Source.ASK) {
                    InputValues.extract(input, text).ifPresent(value -> given.put(input.name(), value));
                }
            }
            return turn(action, conversationId, given, false, 0, confidence);
        });
    }

    /** The customer's answer to what an action asked in this conversation, if it is waiting for one. */
    public Optional<AssistantOutcome> resume(UUID conversationId, String text) {
        Optional<Pending> waiting = pending.of(conversationId);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Pending p = waiting.get();
        Optional<ActionDefinition> action = actions.find(p.actionId());
        if (action.isEmpty() || p.askedAt().plus(STALE).isBefore(clock.instant())) {
            pending.forget(conversationId); // removed meanwhile, or asked long ago: answer the message as any other
            return Optional.empty();
        }
        Map<String, String> given = new HashMap<>(p.given());
        if (PendingActions.CONFIRMATION.equals(p.awaiting())) {
            Optional<Boolean> yes = InputValues.yesOrNo(text);
            if (yes.isEmpty()) {
                return Optional.of(asked(action.get(), conversationId, given, p.awaiting(), p.attempts() + 1,
                        "Please answer Yes or No. " + confirmation(action.get(), conversationId, given), 1.0));
            }
            if (!yes.get()) {
                pending.forget(conversationId);
                return Optional.of(AssistantOutcome.answer("Okay, I haven't done anything. Is there anything else "
                        + "I can help with?", 1.0, List.of()));
            }
            return Optional.of(turn(action.get(), conversationId, given, true, 0, 1.0));
        }
        Optional<Input> awaited = action.get().inputs().stream().filter(i -> i.name().equals(p.awaiting())).findFirst();
        if (awaited.isPresent()) {
            Optional<String> value = InputValues.extract(awaited.get(), text);
            if (value.isEmpty() && InputValues.extractable(awaited.get())
                    && text.strip().split("\\s+").length >= CHANGED_TOPIC_WORDS) {
                pending.forget(conversationId); // a sentence without the value asked for: the customer moved on
                return Optional.empty();
            }
            given.put(awaited.get().name(), value.orElse(text.strip()));
        }
        return Optional.of(turn(action.get(), conversationId, given, false, p.attempts(), 1.0));
    }

    /** The customer asked for a person or the conversation moved on: what was being asked no longer applies. */
    public void forget(UUID conversationId) {
        pending.forget(conversationId);
    }

    private AssistantOutcome turn(ActionDefinition action, UUID conversationId, Map<String, String> given,
            boolean confirmed, int attempts, double confidence) {
        ActionResult result = actions.run(action.id(), new ActionContext(conversationId,
                verified.ofConversation(conversationId).orElse(null), given, confirmed, false));
        return outcome(action, conversationId, given, result, attempts, confidence);
    }

    /**
     * Runs an action the model asked for with the values it gave. Every write asks the customer first (even one whose
     * definition runs unconfirmed when its article is picked): a model deciding to change something is not enough.
     */
    ActionResult runForModel(ActionDefinition action, UUID conversationId, Map<String, String> given) {
        ActionDefinition d = action;
        if (d.risk() == ActionDefinition.Risk.WRITE && !d.needsConfirmation()) {
            d = new ActionDefinition(d.id(), d.name(), d.description(), d.examples(), d.inputs(), d.request(),
                    d.connection(), d.responseFields(), d.answerTemplate(), d.risk(), true, d.confirmationQuestion(),
                    d.requiresIdentity(), d.timeoutMillis(), d.maxResponseBytes(), d.ratePerMinute(), d.mockResponse(),
                    d.article(), d.signInMessage());
        }
        return actions.run(d, new ActionContext(conversationId, verified.ofConversation(conversationId).orElse(null),
                given, false, false));
    }

    /** What the customer is told about a run: its answer, the next question (remembered), or a hand-over. */
    AssistantOutcome outcome(ActionDefinition action, UUID conversationId, Map<String, String> given,
            ActionResult result, int attempts, double confidence) {
        given = new HashMap<>(given);
        return switch (result.status()) {
            case NEEDS_INPUT -> needsInput(action, conversationId, given, result, attempts, confidence);
            case NEEDS_CONFIRMATION -> asked(action, conversationId, given, PendingActions.CONFIRMATION, 0,
                    yesNo(result.question()), confidence);
            case SUCCEEDED -> {
                pending.forget(conversationId);
                yield AssistantOutcome.answer(result.answer(), confidence, List.of());
            }
            case IDENTITY_REQUIRED -> {
                pending.forget(conversationId);
                yield action.signInMessage() != null ? AssistantOutcome.question(action.signInMessage(), confidence)
                        : AssistantOutcome.handOver(EscalationReason.IDENTITY_REQUIRED, "I can only do that for "
                                + "customers who are signed in on our website, so I've passed your question to our "
                                + "support team. A person will reply here as soon as possible.", confidence,
                                result.agentNote());
            }
            case FAILED -> {
                pending.forget(conversationId);
                yield AssistantOutcome.handOver(EscalationReason.ACTION_FAILED, "Sorry, I couldn't look that up just "
                        + "now. I've passed your question to our support team; a person will reply here as soon as "
                        + "possible.", confidence, result.agentNote());
            }
        };
    }

    private AssistantOutcome needsInput(ActionDefinition action, UUID conversationId, Map<String, String> given,
            ActionResult result, int attempts, double confidence) {
        given.remove(result.input()); // a bad value is asked again, not kept
        int tries = result.problem() == null ? 0 : attempts + 1;
        if (tries >= MAX_ATTEMPTS) {
            pending.forget(conversationId);
            return AssistantOutcome.handOver(EscalationReason.LOOP, "That still doesn't look right, so I've passed "
                    + "your question to our support team. A person will reply here as soon as possible.", confidence,
                    "The action '" + action.name() + "' asked for " + result.input() + " " + tries
                            + " times without a valid answer.");
        }
        String text = result.problem() == null ? result.question() : result.problem() + " " + result.question();
        return asked(action, conversationId, given, result.input(), tries, text, confidence);
    }

    private AssistantOutcome asked(ActionDefinition action, UUID conversationId, Map<String, String> given,
            String awaiting, int attempts, String question, double confidence) {
        if (attempts >= MAX_ATTEMPTS) {
            pending.forget(conversationId);
            return AssistantOutcome.answer("Okay, I haven't done anything. Is there anything else I can help with?",
                    confidence, List.of());
        }
        pending.save(new Pending(conversationId, action.id(), given, awaiting, attempts, null), clock.instant());
        return AssistantOutcome.question(question, confidence);
    }

    private String confirmation(ActionDefinition action, UUID conversationId, Map<String, String> given) {
        ActionResult result = actions.run(action.id(), new ActionContext(conversationId,
                verified.ofConversation(conversationId).orElse(null), given, false, false));
        return result.question() == null ? "" : yesNo(result.question());
    }

    private static String yesNo(String question) {
        return question.contains("Yes / No") ? question : question + " Yes / No";
    }
}
