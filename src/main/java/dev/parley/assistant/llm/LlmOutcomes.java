package dev.parley.assistant.llm;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.EscalationReason;

/**
 * Turns a generative decision into what the conversation records. When the provider failed (or the
 * circuit is open) the offline answer stands in if it is confident enough; otherwise a person takes
 * over, and the customer is told so honestly.
 */
public final class LlmOutcomes {

    public static final String NOT_SURE_TEXT = "I'm not sure I can answer that correctly, so I've passed your "
            + "question to our support team. A person will reply right here as soon as possible.";
    public static final String UNAVAILABLE_TEXT = "I can't answer automatically right now, so I've passed your "
            + "question to our support team. A person will reply right here as soon as possible.";

    private LlmOutcomes() {
    }

    /**
     * @param offline the offline pipeline's outcome for the same question, or {@code null}
     * @param threshold the confidence an answer needs to be sent without a person
     */
    public static AssistantOutcome toOutcome(GroundedDecision decision, AssistantOutcome offline, double threshold) {
        return switch (decision) {
            case Answered answered when answered.confidence() >= threshold ->
                    AssistantOutcome.answer(answered.text(), answered.confidence(), answered.sources());
            case Answered answered ->
                    AssistantOutcome.escalate(EscalationReason.LOW_CONFIDENCE, NOT_SURE_TEXT, answered.confidence());
            case GroundedDecision.Acted acted -> acted.outcome();
            case Unanswerable unanswerable ->
                    AssistantOutcome.escalate(EscalationReason.NO_KNOWLEDGE, NOT_SURE_TEXT, unanswerable.confidence());
            case Failed failed when offline != null && !offline.escalates() && offline.confidence() >= threshold ->
                    offline;
            case Failed failed -> AssistantOutcome.escalate(EscalationReason.ASSISTANT_ERROR, UNAVAILABLE_TEXT, 0.0);
        };
    }
}
