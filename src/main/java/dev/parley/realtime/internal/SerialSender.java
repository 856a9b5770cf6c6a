package dev.parley.realtime.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one stream's tasks one at a time, in order, on a virtual thread that exists only while there is work. A
 * single-thread executor per stream kept a parked thread, its stack and the executor (about 4 KB) for every idle
 * stream; this keeps a queue.
 */
public final class SerialSender {

    private static final Logger log = LoggerFactory.getLogger(SerialSender.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean shutdown;

    /** Queues {@code task} after every task queued before it. @throws RejectedExecutionException once shut down */
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the stream is closed");
        }
        tasks.add(task);
        startIfIdle();
    }

    public Future<?> submit(Runnable task) {
        FutureTask<?> future = new FutureTask<>(task, null);
        execute(future);
        return future;
    }

    /**
     * Runs {@code task} on the calling thread, in turn with the queued tasks, if nothing is running or queued now;
     * otherwise does nothing. @return whether it ran
     */
    public boolean runIfIdle(Runnable task) {
        if (shutdown || !tasks.isEmpty() || !running.compareAndSet(false, true)) {
            return false;
        }
        try {
            task.run();
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                startIfIdle();
            }
        }
        return true;
    }

    /** Takes no more tasks; those already queued still run, as with an executor's shutdown. */
    public void shutdown() {
        shutdown = true;
    }

    private void startIfIdle() {
        if (running.compareAndSet(false, true)) {
            Thread.ofVirtual().name("event-stream").start(this::drain);
        }
    }

    private void drain() {
        do {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.debug("Event stream task failed: {}", e.toString());
                }
            }
            running.set(false);
            // a task queued after the last poll but before the flag was cleared found it set: take it now
        } while (!tasks.isEmpty() && running.compareAndSet(false, true));
    }
}
