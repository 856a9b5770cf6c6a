package dev.parley.shared;

import java.time.Duration;

/** Waits between attempts that double from a first wait up to a ceiling: first, 2×first, 4×first, … max. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failedAttempts} failures (1 gives {@code first}). */
    public static Duration doubling(Duration first, Duration max, int failedAttempts) {
        long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
