package dev.parley.knowledge.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts calls into the native embedding runtime. ONNX Runtime closes its native environment in a JVM
 * shutdown hook that runs concurrently with everyone else's, and a call running at that moment crashes
 * the JVM; closing the gate first (no new calls) and waiting for the running ones avoids that.
 */
public final class NativeModelGate {

    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static volatile boolean closed;

    private NativeModelGate() {
    }

    public static <T> T call(Supplier<T> work) {
        if (closed) {
            throw new IllegalStateException("The embedding model is shut down");
        }
        RUNNING.incrementAndGet();
        try {
            return work.get();
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** Refuses new calls from now on and waits (up to {@code timeout}) for the running ones to finish. */
    public static void closeAndAwait(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (RUNNING.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
