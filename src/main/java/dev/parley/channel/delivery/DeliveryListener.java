package dev.parley.channel.delivery;

import dev.parley.conversation.ConversationEvents.DeliveryRetryRequested;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.shared.AfterCommit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers every visible reply (assistant answers, agent replies, system messages) to its conversation's
 * channel, off the request thread. Internal notes are never sent. The listener only writes the pending delivery
 * (recorded in the event publication registry: if that fails, the event is retried) and hands the attempt to the
 * conversation's lane ({@link DeliveryLanes}) once it has committed, so a provider that takes its time holds no
 * listener thread; channel failures are recorded on the delivery and retried by {@link DeliveryRetries}.
 */
@Component
class DeliveryListener {

    private final Deliverer deliverer;
    private final DeliveryLanes lanes;

    DeliveryListener(Deliverer deliverer, DeliveryLanes lanes) {
        this.deliverer = deliverer;
        this.lanes = lanes;
    }

    /** Internal notes are never delivered; they get no publication (ADR 0022). */
    @ApplicationModuleListener(condition = "!#event.internal()")
    void on(ReplyPosted event) {
        if (!event.internal()) {
            deliverer.begin(event.messageId())
                    .ifPresent(conversation -> AfterCommit.run(() -> lanes.attempt(conversation)));
        }
    }

    @ApplicationModuleListener
    void on(DeliveryRetryRequested event) {
        AfterCommit.run(() -> lanes.attempt(event.conversationId()));
    }
}
