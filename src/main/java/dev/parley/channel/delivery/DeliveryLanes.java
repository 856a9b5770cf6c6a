package dev.parley.channel.delivery;

import dev.parley.conversation.Deliveries;
import dev.parley.conversation.Delivery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where delivery attempts run: off the module listeners' threads, one lane per conversation. A lane is a virtual
 * thread that exists while its conversation has deliveries to attempt and takes them one after another in message
 * order, so a conversation's replies leave in the order they were written; conversations go side by side. The
 * listeners that begin deliveries run side by side too, so a lane does not pass a reply whose delivery is not begun
 * yet (for up to {@link DeliveryRetries#UNCLAIMED_FOR}); its listener asks the lane again once it has begun it. A
 * provider that hangs until its timeout therefore holds its own conversations' lanes and nothing else: not the
 * listeners (analytics, assignment, notifications), not other inboxes, and no database connection while it is
 * called. At most {@link #ATTEMPTS_PER_INBOX} attempts run at once towards one inbox; more lanes wait their turn.
 *
 * <p>Nothing depends on a lane to be durable: a delivery is a row written before its lane is asked, and the
 * retries ({@link DeliveryRetries}) ask again for rows that are due or were never attempted.
 */
@Component
class DeliveryLanes implements DisposableBean {

    static final int ATTEMPTS_PER_INBOX = 32;

    private static final Logger log = LoggerFactory.getLogger(DeliveryLanes.class);
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Deliveries deliveries;
    private final Deliverer deliverer;
    /** Conversations with a running lane, each with a flag set when it is asked again while it runs. */
    private final Map<UUID, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<UUID, Semaphore> inboxes = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    DeliveryLanes(Deliveries deliveries, Deliverer deliverer) {
        this.deliveries = deliveries;
        this.deliverer = deliverer;
    }

    /** Attempts the conversation's due deliveries on its lane, starting the lane unless it runs already. */
    void attempt(UUID conversationId) {
        if (stopping) {
            return; // the rows stay pending; the retries of a running node take them
        }
        AtomicBoolean[] started = new AtomicBoolean[1];
        running.compute(conversationId, (id, askedAgain) -> {
            if (askedAgain == null) {
                started[0] = new AtomicBoolean();
                return started[0];
            }
            askedAgain.set(true);
            return askedAgain;
        });
        if (started[0] != null) {
            Thread.ofVirtual().name("delivery-lane").start(() -> run(conversationId, started[0]));
        }
    }

    private void run(UUID conversationId, AtomicBoolean askedAgain) {
        boolean done = false;
        while (!done) {
            askedAgain.set(false);
            List<Delivery> due;
            try {
                due = deliveries.attemptable(conversationId, DeliveryRetries.UNCLAIMED_FOR);
            } catch (RuntimeException e) {
                // the database was away: the deliveries stay pending and the retries ask again
                log.warn("Deliveries of conversation {} wait for the retries: {}", conversationId, e.toString());
                due = List.of();
            }
            for (Delivery delivery : due) {
                if (stopping) {
                    break;
                }
                try {
                    attemptInTurn(delivery);
                } catch (RuntimeException e) {
                    // one that cannot be attempted now holds up none after it; the retries ask again for it
                    log.warn("Delivery of message {} waits for the retries: {}", delivery.messageId(), e.toString());
                }
            }
            // ends the lane unless it was asked again meanwhile (decided under the map's lock, as attempt() is)
            done = running.compute(conversationId, (id, flag) -> askedAgain.get() && !stopping ? flag : null) == null;
        }
    }

    private void attemptInTurn(Delivery delivery) {
        Semaphore turn = inboxes.computeIfAbsent(delivery.inboxId(), id -> new Semaphore(ATTEMPTS_PER_INBOX, true));
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a turn at inbox " + delivery.inboxId(), e);
        }
        try {
            deliverer.deliver(delivery);
        } finally {
            turn.release();
        }
    }

    /** Lets running attempts finish (for a while) and starts no new ones; what is left stays pending. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (!running.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
