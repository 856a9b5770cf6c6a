package dev.parley.engine.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Counts calls into the native embedding runtime (creating, running and closing sessions). ONNX Runtime frees
 * its native environment in a JVM shutdown hook that runs concurrently with everyone else's, and a call running
 * at that moment crashes the JVM; closing the gate first (no new calls) and waiting for the running ones avoids
 * that. {@link #runtime()} is the process-wide gate; the application (its {@code ModelRuntimeShutdown}) closes it
 * before the hooks run.
 */
public final class NativeModelGate {

    private static final NativeModelGate RUNTIME = new NativeModelGate();

    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    /** A gate of its own (tests); the application uses {@link #runtime()}. */
    public NativeModelGate() {
    }

    /** The gate every call into ONNX Runtime in this process passes. */
    public static NativeModelGate runtime() {
        return RUNTIME;
    }

    public static <T> T call(Supplier<T> work) {
        return RUNTIME.enter(work);
    }

    /** Refuses new calls into the runtime from now on and waits (up to {@code timeout}) for the running ones. */
    public static boolean closeAndAwait(Duration timeout) {
        return RUNTIME.close(timeout);
    }

    /** Runs {@code work} as a native call, or refuses with an {@link IllegalStateException} once closed. */
    public <T> T enter(Supplier<T> work) {
        // count first, then look: a closer that saw no calls running has already made this see closed
        running.incrementAndGet();
        try {
            if (closed) {
                throw new IllegalStateException("The embedding model is shut down");
            }
            return work.get();
        } finally {
            running.decrementAndGet();
        }
    }

    /**
     * Frees native memory unless the gate is closed: then the process is ending and frees it anyway, and a
     * replaced encoder's clean-up must not fail a shutdown.
     */
    public void release(Runnable work) {
        running.incrementAndGet();
        try {
            if (!closed) {
                work.run();
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /** @return whether every running call finished within {@code timeout} */
    public boolean close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running.get() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public int running() {
        return running.get();
    }

    public boolean isClosed() {
        return closed;
    }
}
