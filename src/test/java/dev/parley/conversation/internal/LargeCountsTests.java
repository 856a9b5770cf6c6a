package dev.parley.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationStatus;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LargeCountsTests {

    final AtomicLong nanos = new AtomicLong();
    final LargeCounts counts = new LargeCounts(1_000, Duration.ofSeconds(30), nanos::get);
    final AtomicLong rows = new AtomicLong();
    final AtomicLong queries = new AtomicLong();

    long count(ConversationFilter filter) {
        return counts.count(filter, f -> {
            queries.incrementAndGet();
            return rows.get();
        });
    }

    @Test
    void aLargeTotalIsCountedOnceForItsTimeToLiveAndAfreshAfterIt() {
        rows.set(5_000);
        assertThat(count(ConversationFilter.all())).isEqualTo(5_000);
        rows.set(5_001);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(count(ConversationFilter.all())).isEqualTo(5_000);
        assertThat(queries).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(count(ConversationFilter.all())).isEqualTo(5_001);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aSmallTotalIsAlwaysCountedAfresh() {
        rows.set(999);
        assertThat(count(ConversationFilter.all())).isEqualTo(999);
        rows.set(1);
        assertThat(count(ConversationFilter.all())).isEqualTo(1);
        assertThat(queries).hasValue(2);
    }

    @Test
    void eachFilterHasATotalOfItsOwn() {
        rows.set(2_000);
        count(ConversationFilter.all());
        rows.set(3_000);
        assertThat(count(ConversationFilter.all().withStatuses(Set.of(ConversationStatus.CLOSED)))).isEqualTo(3_000);
        assertThat(count(ConversationFilter.all())).isEqualTo(2_000);
    }
}
