package dev.parley.channel.delivery;

import dev.parley.channel.spi.DeliveryFailure;
import dev.parley.channel.spi.DeliveryReceipt;
import dev.parley.channel.spi.OutboundMessage;
import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One delivery attempt of a reply to its conversation's channel, with the outcome recorded: sent, retried later
 * with back-off, or failed with the reason. Nothing is dropped silently.
 */
@Component
class Deliverer {

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);
    /** Longer than any one attempt takes (mail servers time out well before). */
    private static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(5);

    private final Conversations conversations;
    private final Contacts contacts;
    private final Inboxes inboxes;
    private final Deliveries deliveries;
    private final ChannelRegistry channels;
    private final DeliveryAttempts outcomes;
    private final DeliverySettings settings;
    private final Clock clock;

    Deliverer(Conversations conversations, Contacts contacts, Inboxes inboxes, Deliveries deliveries,
            ChannelRegistry channels, DeliveryAttempts outcomes, DeliverySettings settings, Clock clock) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.inboxes = inboxes;
        this.deliveries = deliveries;
        this.channels = channels;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Writes down that a visible reply is to be delivered (a pending delivery), unless that was done already.
     * @return the conversation to attempt it in, empty for an internal note or a message that is gone
     */
    Optional<UUID> begin(UUID messageId) {
        Optional<Message> found = conversations.message(messageId);
        if (found.isEmpty() || found.get().internal()) {
            return Optional.empty();
        }
        Conversation conversation = conversations.get(found.get().conversationId());
        deliveries.begin(messageId, conversation.id(), conversation.inboxId());
        return Optional.of(conversation.id());
    }

    /**
     * Attempts a pending delivery (a row its lane read) unless another attempt has claimed it meanwhile or it was
     * delivered (or given up on) already: safe to call again for the same row.
     */
    void deliver(Delivery delivery) {
        if (delivery.state() != DeliveryState.PENDING || !deliveries.claim(delivery, CLAIM)) {
            return;
        }
        Optional<Message> message = conversations.message(delivery.messageId());
        if (message.isEmpty()) {
            deliveries.attemptFailed(delivery, "The message no longer exists", null);
            return;
        }
        Conversation conversation = conversations.get(delivery.conversationId());
        Optional<Inbox> inbox = inboxes.find(conversation.inboxId());
        if (inbox.isEmpty()) {
            deliveries.attemptFailed(delivery, "The conversation's inbox no longer exists", null);
            return;
        }
        var factory = channels.factory(inbox.get().channelType());
        String channel = inbox.get().channelType();
        if (factory.isEmpty()) {
            outcomes.failed(channel);
            deliveries.attemptFailed(delivery, "No channel is installed for " + channel, null);
            return;
        }
        OutboundMessage outbound = new OutboundMessage(message.get(), inbox.get(), conversation,
                contacts.find(conversation.contactId()).orElse(null), conversations.threadKeys(conversation.id()));
        boolean sent = false;
        try {
            DeliveryReceipt receipt = factory.get().create(inbox.get()).deliver(outbound);
            sent = true;
            outcomes.succeeded(channel);
            deliveries.sent(delivery, receipt.externalId(), receipt.threadKeys());
        } catch (DeliveryFailure failure) {
            outcomes.failed(channel);
            failed(delivery, failure.getMessage(), failure.permanent());
        } catch (RuntimeException e) {
            if (!sent) {
                outcomes.failed(channel);
            }
            log.warn("Delivery of message {} failed unexpectedly", delivery.messageId(), e);
            failed(delivery, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private void failed(Delivery delivery, String reason, boolean permanent) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = permanent || attempts >= settings.maxAttempts();
        if (giveUp) {
            log.warn("Delivery of message {} failed after {} attempt(s): {}", delivery.messageId(), attempts, reason);
        }
        deliveries.attemptFailed(delivery, reason, giveUp ? null : clock.instant().plus(settings.backoff(attempts)));
    }
}
