package dev.parley.shared.ratelimit;

import dev.parley.shared.TooManyRequestsException;
import java.time.Duration;

/**
 * Counts attempts per key in fixed windows. In-process for one node; shared through Redis when
 * {@code parley.redis.enabled=true}, so a client cannot multiply its allowance by spreading over nodes.
 */
public interface RateLimiter {

    /** Counts one attempt; returns how long to wait when more than {@code limit} were made in the window, else zero. */
    Duration hit(String key, int limit, Duration window);

    /** Counts one attempt and throws a 429 problem naming {@code what} when the limit is exceeded. */
    default void check(String key, int limit, Duration window, String what) {
        Duration wait = hit(key, limit, window);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many " + what + "; try again in " + Math.max(1, wait.toSeconds())
                    + " seconds", wait);
        }
    }
}
