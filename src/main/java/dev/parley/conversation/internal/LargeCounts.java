package dev.parley.conversation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.parley.conversation.ConversationFilter;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * Totals of large inbox views, reused for a short while. Counting a view of a million conversations reads an index
 * of a million entries (about 180 ms on PostgreSQL), and every open inbox counts its views again at each live
 * refresh; a total that large is shown for its size, not to the last conversation, so it is counted at most once per
 * {@code ttl} on each node. Totals under {@code threshold} are always counted afresh.
 */
final class LargeCounts {

    private final long threshold;
    private final Cache<ConversationFilter, Long> totals;

    LargeCounts(long threshold, Duration ttl, Ticker ticker) {
        this.threshold = threshold;
        this.totals = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000).ticker(ticker).build();
    }

    long count(ConversationFilter filter, ToLongFunction<ConversationFilter> counter) {
        Long known = totals.getIfPresent(filter);
        if (known != null) {
            return known;
        }
        long counted = counter.applyAsLong(filter);
        if (counted >= threshold) {
            totals.put(filter, counted);
        }
        return counted;
    }
}
