package dev.parley.events.internal;

import dev.parley.events.EventSettings;
import dev.parley.events.OutboundListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The executor of {@link OutboundListener}s: every run starts on a virtual thread of its own at once, so handing
 * over never blocks the committing thread, and waits there for one of {@code parley.events.outbound-runs} turns
 * (first come, first served). A run waiting for a server costs a virtual thread, not a listener thread. What has not
 * run when the node stops stays an incomplete publication and is resubmitted.
 */
@Component(OutboundListener.EXECUTOR)
class OutboundListenerExecutor implements Executor, DisposableBean {

    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Semaphore turns;
    private final AtomicInteger started = new AtomicInteger();
    private volatile boolean stopping;

    OutboundListenerExecutor(EventSettings settings, MeterRegistry meters) {
        this.turns = new Semaphore(settings.outboundRuns(), true);
        Gauge.builder("parley.events.outbound.runs", started, AtomicInteger::get)
                .description("Outbound listener runs started and not finished (waiting for a turn included)")
                .register(meters);
    }

    @Override
    public void execute(Runnable run) {
        if (stopping) {
            throw new RejectedExecutionException("the node is stopping; the publication stays for resubmission");
        }
        started.incrementAndGet();
        Thread.ofVirtual().name("outbound-listener").start(() -> {
            try {
                turns.acquire();
            } catch (InterruptedException e) {
                started.decrementAndGet();
                Thread.currentThread().interrupt();
                return;
            }
            try {
                run.run();
            } finally {
                turns.release();
                started.decrementAndGet();
            }
        });
    }

    /** Starts nothing new and gives runs in progress a while to finish. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (started.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }
}
