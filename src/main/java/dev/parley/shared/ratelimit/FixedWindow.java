package dev.parley.shared.ratelimit;

import java.time.Duration;

/** The fixed window a moment falls into: windows start at multiples of their length since the epoch. */
record FixedWindow(long start, long length) {

    static FixedWindow containing(long nowMillis, Duration window) {
        long length = window.toMillis();
        return new FixedWindow(nowMillis - nowMillis % length, length);
    }

    Duration remaining(long nowMillis) {
        return Duration.ofMillis(start + length - nowMillis);
    }
}
