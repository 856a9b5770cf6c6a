package dev.parley.conversation;

import dev.parley.shared.BusyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many customer messages are handled at once on this node (ADR 0022, addendum "admission bound"). A
 * message beyond it waits a moment for a slot, in arrival order; if none frees it is refused with 503 and
 * Retry-After before anything of it was read or stored, instead of queueing on the connection pool until that
 * pool's own 30-second wait runs out. A fair {@link Semaphore} parks virtual threads without pinning them.
 * <p>
 * The bound is on the work a node does for a message (database, embedding), not on time spent waiting for a remote
 * model: a call to an LLM provider runs in {@link #stepAside}, which gives the slot back for the call's length and
 * takes one again, without a time limit, before the answer is stored (the message is already accepted by then).
 */
@Component
public class CustomerMessageAdmission {

    static final String BUSY = "Parley is too busy to take your message right now. Nothing was saved; please send it "
            + "again in a few seconds.";
    private static final Logger log = LoggerFactory.getLogger(CustomerMessageAdmission.class);

    /** The bound whose slot the current thread holds, if any. */
    private static final ThreadLocal<Semaphore> HELD = new ThreadLocal<>();

    private final Semaphore slots;
    private final int limit;
    private final Duration wait;
    private final Duration retryAfter;
    private final Counter refused;

    CustomerMessageAdmission(AdmissionSettings settings,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize, MeterRegistry meters) {
        this.limit = settings.limit(poolSize);
        this.slots = new Semaphore(limit, true);
        this.wait = settings.maxWait();
        this.retryAfter = settings.retryAfter();
        Gauge.builder("parley.customer.messages.in.flight", this, a -> a.limit - a.slots.availablePermits())
                .description("Customer messages being handled on this node").register(meters);
        Gauge.builder("parley.customer.messages.admission.limit", this, a -> a.limit)
                .description("Customer messages this node handles at once at most").register(meters);
        this.refused = Counter.builder("parley.customer.messages.refused")
                .description("Customer messages refused with 503 because this node was handling as many as it may")
                .register(meters);
    }

    /**
     * Runs the handling of one customer message in a slot, and frees the slot however the handling ends.
     *
     * @throws BusyException if no slot came free within {@code parley.conversation.admission.max-wait}; nothing ran
     */
    public <T> T admit(Supplier<T> handling) {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refused.increment();
            log.debug("Refused a customer message: {} are being handled", limit);
            throw new BusyException(BUSY, retryAfter);
        }
        Semaphore outer = HELD.get();
        HELD.set(slots);
        try {
            return handling.get();
        } finally {
            restore(outer);
            slots.release();
        }
    }

    /**
     * Runs a wait for something remote (an LLM provider's answer) without holding the current thread's slot, if it
     * holds one: the slot is given back for the wait and taken again afterwards, waiting as long as it takes.
     */
    public static <T> T stepAside(Supplier<T> remoteWait) {
        Semaphore held = HELD.get();
        if (held == null) {
            return remoteWait.get();
        }
        HELD.remove();
        held.release();
        try {
            return remoteWait.get();
        } finally {
            held.acquireUninterruptibly();
            HELD.set(held);
        }
    }

    private static void restore(Semaphore outer) {
        if (outer == null) {
            HELD.remove();
        } else {
            HELD.set(outer);
        }
    }

    /** Customer messages this node handles at once at most. */
    public int limit() {
        return limit;
    }
}
