package dev.parley.channel.delivery;

import dev.parley.conversation.ConversationEvents.DeliveryRetryRequested;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers every visible reply (assistant answers, agent replies, system messages) to its conversation's
 * channel, off the request thread. Internal notes are never sent. Recorded in the event publication registry:
 * if this listener itself fails (the database was away) the event is retried; channel failures are recorded on
 * the delivery and retried by {@link DeliveryRetries}.
 */
@Component
class DeliveryListener {

    private final Deliverer deliverer;

    DeliveryListener(Deliverer deliverer) {
        this.deliverer = deliverer;
    }

    /** Internal notes are never delivered; they get no publication (ADR 0022). */
    @ApplicationModuleListener(condition = "!#event.internal()")
    void on(ReplyPosted event) {
        if (!event.internal()) {
            deliverer.deliver(event.messageId());
        }
    }

    @ApplicationModuleListener
    void on(DeliveryRetryRequested event) {
        deliverer.deliver(event.messageId());
    }
}
