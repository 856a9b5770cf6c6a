package dev.parley.sla.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.sla.SlaClocks;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Starts, stops and re-targets SLA clocks from what happens to conversations. */
@Component
class SlaListeners {

    private final SlaClocks clocks;

    SlaListeners(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @ApplicationModuleListener
    void on(ConversationEscalated event) {
        clocks.start(event.conversationId(), event.at());
    }

    @ApplicationModuleListener(condition = "T(dev.parley.sla.internal.SlaListeners).movesClocks(#event)")
    void on(ConversationStatusChanged event) {
        if (ends(event)) {
            clocks.resolved(event.conversationId(), event.at());
        } else if (takenOver(event)) {
            clocks.takenOver(event.conversationId(), event.at());
        }
    }

    /** Whether a status change starts or stops a clock: the listener's condition (no event publication otherwise). */
    public static boolean movesClocks(ConversationStatusChanged event) {
        return ends(event) || takenOver(event);
    }

    private static boolean ends(ConversationStatusChanged event) {
        return event.to() == ConversationStatus.RESOLVED || event.to() == ConversationStatus.CLOSED;
    }

    /**
     * A person took it over from the assistant without an escalation (by replying, or by hand): they are on it
     * already, so the first response is met then and the resolution target runs.
     */
    private static boolean takenOver(ConversationStatusChanged event) {
        return event.from().handledByAssistant() && event.to() != ConversationStatus.ESCALATED
                && !event.to().handledByAssistant();
    }

    @ApplicationModuleListener(condition = "#event.authorType().name() == 'AGENT' and !#event.internal()")
    void on(ReplyPosted event) {
        if (event.authorType() == AuthorType.AGENT && !event.internal()) {
            clocks.firstResponded(event.conversationId(), event.at());
        }
    }

    @ApplicationModuleListener
    void on(ConversationUpdated event) {
        clocks.followChanges(event.conversationId());
    }
}
