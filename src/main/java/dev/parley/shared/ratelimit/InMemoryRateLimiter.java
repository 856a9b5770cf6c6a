package dev.parley.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed-window counters held in this JVM; windows that ended are dropped as keys are touched. */
public class InMemoryRateLimiter implements RateLimiter {

    private static final int SWEEP_EVERY = 1_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private int untilSweep = SWEEP_EVERY;

    public InMemoryRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration hit(String key, int limit, Duration window) {
        long now = clock.millis();
        FixedWindow fixed = FixedWindow.containing(now, window);
        Window current = windows.compute(key, (k, w) -> w == null || w.start() != fixed.start()
                ? new Window(fixed.start(), fixed.length(), 1) : new Window(fixed.start(), fixed.length(), w.count() + 1));
        sweepSometimes(now);
        return current.count() > limit ? fixed.remaining(now) : Duration.ZERO;
    }

    private void sweepSometimes(long now) {
        if (--untilSweep > 0) {
            return;
        }
        untilSweep = SWEEP_EVERY;
        windows.values().removeIf(w -> w.start() + w.length() <= now);
    }

    private record Window(long start, long length, int count) {
    }
}
