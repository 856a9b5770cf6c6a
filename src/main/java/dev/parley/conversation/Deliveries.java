package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.DeliveryChanged;
import dev.parley.conversation.ConversationEvents.DeliveryRetryRequested;
import dev.parley.conversation.internal.DeliveryRepository;
import dev.parley.conversation.internal.ThreadRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery state of each visible reply: channels record what happened, agents see it on the conversation
 * page and can retry a failed one. Every change is published, so dashboards update live.
 */
@Service
public class Deliveries {

    private final DeliveryRepository deliveries;
    private final ThreadRepository threads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deliveries(DeliveryRepository deliveries, ThreadRepository threads, ApplicationEventPublisher events,
            Clock clock) {
        this.deliveries = deliveries;
        this.threads = threads;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Delivery> find(UUID messageId) {
        return deliveries.find(messageId);
    }

    /** The delivery of a reply the channel knows by its own id (for the channel's status callbacks). */
    public Optional<Delivery> byExternalId(UUID inboxId, String externalId) {
        return deliveries.byExternalId(inboxId, externalId);
    }

    /** The delivery of a reply, created as pending the first time it is asked for. */
    @Transactional
    public Delivery begin(UUID messageId, UUID conversationId, UUID inboxId) {
        deliveries.insertIfAbsent(messageId, conversationId, inboxId, clock.instant());
        return deliveries.find(messageId).orElseThrow();
    }

    /**
     * Claims a pending delivery for one attempt: only one node or thread gets it. The claim lapses after
     * {@code lease}, so an attempt cut short by a crash is picked up again by the retries.
     */
    @Transactional
    public boolean claim(Delivery delivery, java.time.Duration lease) {
        Instant now = clock.instant();
        return deliveries.claim(delivery.messageId(), delivery.attempts(), now, now.plus(lease));
    }

    @Transactional
    public void sent(Delivery delivery, String externalId, List<String> threadKeys) {
        Instant now = clock.instant();
        deliveries.update(delivery.messageId(), DeliveryState.SENT, delivery.attempts() + 1, null, externalId, null, now);
        for (String key : threadKeys) {
            threads.addKey(delivery.inboxId(), key, delivery.conversationId(), now);
        }
        publish(delivery, DeliveryState.SENT, null, now);
    }

    /**
     * The provider reports the reply reached the customer ({@link DeliveryState#DELIVERED}) or was read
     * ({@link DeliveryState#READ}); reports that would move it back (they arrive out of order) change nothing.
     */
    @Transactional
    public void progressed(Delivery delivery, DeliveryState state) {
        if (!delivery.state().advancesTo(state)) {
            return;
        }
        Instant now = clock.instant();
        if (deliveries.advance(delivery.messageId(), delivery.state(), state, now)) {
            publish(delivery, state, null, now);
        }
    }

    /** A failed attempt: tried again at {@code retryAt}, or failed for good when that is {@code null}. */
    @Transactional
    public void attemptFailed(Delivery delivery, String reason, Instant retryAt) {
        Instant now = clock.instant();
        String cut = reason == null ? "unknown error" : reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
        DeliveryState state = retryAt == null ? DeliveryState.FAILED : DeliveryState.PENDING;
        deliveries.update(delivery.messageId(), state, delivery.attempts() + 1, cut, null, retryAt, now);
        publish(delivery, state, cut, now);
    }

    /**
     * Pending deliveries whose retry is due, oldest first, with those begun more than {@code unclaimedFor} ago and
     * never attempted (the node that began them stopped first).
     */
    public List<Delivery> due(int limit, Duration unclaimedFor) {
        Instant now = clock.instant();
        return deliveries.due(now, now.minus(unclaimedFor), limit);
    }

    /**
     * A conversation's pending deliveries that may be attempted now (due or never attempted), in message order. A
     * reply written less than {@code beginWithin} ago whose delivery is not begun yet holds up the ones after it
     * (its listener has not run yet), so a conversation's replies leave in the order they were written; one whose
     * listener never runs holds them up no longer than that.
     */
    public List<Delivery> attemptable(UUID conversationId, Duration beginWithin) {
        Instant now = clock.instant();
        return deliveries.attemptable(conversationId, now, now.minus(beginWithin));
    }

    public Map<UUID, Delivery> ofConversation(UUID conversationId) {
        return deliveries.ofConversation(conversationId);
    }

    /** An agent retries a failed delivery now; the attempts start again. */
    @Transactional
    public Delivery retry(UUID conversationId, UUID messageId) {
        Delivery delivery = deliveries.find(messageId).filter(d -> d.conversationId().equals(conversationId))
                .orElseThrow(() -> ApiException.notFound("No delivery of message " + messageId + " in " + conversationId));
        if (delivery.state() != DeliveryState.FAILED) {
            throw ApiException.conflict("Only a failed delivery can be retried; this one is " + delivery.state());
        }
        Instant now = clock.instant();
        deliveries.update(messageId, DeliveryState.PENDING, 0, delivery.lastError(), null, null, now);
        publish(delivery, DeliveryState.PENDING, null, now);
        events.publishEvent(new DeliveryRetryRequested(conversationId, messageId, now));
        return deliveries.find(messageId).orElseThrow();
    }

    private void publish(Delivery delivery, DeliveryState state, String error, Instant now) {
        events.publishEvent(new DeliveryChanged(delivery.conversationId(), delivery.messageId(), state, error, now));
    }
}
