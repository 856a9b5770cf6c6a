package dev.parley.assistant;

import java.time.Duration;

/**
 * Whether the assistant can answer yet: after a start, not until the search index and the scorer for the
 * knowledge version found at start are loaded. Once ready it stays ready; later knowledge changes are picked
 * up in the background while the previous scorer keeps answering.
 */
public interface AssistantReadiness {

    boolean ready();

    /** Waits up to {@code timeout} for {@link #ready()}; a first question right after a start is answered late, not wrongly. */
    default boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
