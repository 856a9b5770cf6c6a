package dev.parley.assistant;

import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.AssistantRequest;
import dev.parley.conversation.EscalationReason;
import org.springframework.stereotype.Component;

/**
 * The assistant when no knowledge is available to answer from: it says plainly that the question
 * goes to the team and escalates, so the customer is never left waiting on an answer that won't come.
 */
@Component
class HandOffAssistant implements AssistantPort {

    static final String HAND_OFF_TEXT = "Thanks for your message. I've passed it to our support team, and a "
            + "person will reply right here as soon as possible.";

    @Override
    public AssistantOutcome handle(AssistantRequest request) {
        return AssistantOutcome.escalate(EscalationReason.NO_KNOWLEDGE, HAND_OFF_TEXT, 0.0);
    }
}
