package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Moves an already locked conversation to people, inside the caller's transaction. */
@Component
class Escalation {

    private final ConversationRepository conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalation(ConversationRepository conversations, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    Conversation escalate(Conversation conversation, EscalationReason reason, Double confidence) {
        ConversationStatus from = conversation.status();
        if (from != ConversationStatus.ESCALATED && !from.canMoveTo(ConversationStatus.ESCALATED)) {
            throw ApiException.conflict("A " + from + " conversation cannot be escalated");
        }
        Instant now = clock.instant();
        Conversation escalated = conversation.withEscalation(reason, now);
        conversations.update(escalated);
        if (from != ConversationStatus.ESCALATED) {
            conversations.resetWaitingNotice(conversation.id()); // a new wait for a person: its first message gets a notice
        }
        events.publishEvent(new ConversationEscalated(conversation.id(), reason, confidence, now));
        if (from != ConversationStatus.ESCALATED) {
            events.publishEvent(new ConversationStatusChanged(conversation.id(), conversation.channel(), from,
                    ConversationStatus.ESCALATED, now));
        }
        return escalated;
    }
}
