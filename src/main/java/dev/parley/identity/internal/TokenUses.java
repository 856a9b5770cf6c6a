package dev.parley.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * When this node last wrote each API token's "last used" time. A token used for every request of an
 * integration would otherwise cost each request a write and a commit of its own, and concurrent requests
 * with one token would queue on its row; the time shown to the owner is to the minute anyway.
 */
@Component
public class TokenUses {

    /** A token's use is written at most this often per node. */
    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Cache<String, Instant> written = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * Whether a use at {@code now} should be written: the first this node has seen of the token, or the first a
     * whole interval after the last one written. Counts the answer as written when it says yes.
     */
    public boolean due(String tokenHash, Instant now) {
        boolean[] due = {false};
        written.asMap().compute(tokenHash, (hash, last) -> {
            if (last == null || !now.isBefore(last.plus(INTERVAL))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        return due[0];
    }
}
