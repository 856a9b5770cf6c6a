package dev.parley.events.internal;

import dev.parley.cluster.RunsOnEveryNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code parley.events.failed}: module listener runs that failed and wait to be run again (a listener that fails on
 * every try, say on a record it cannot read, stays here; the ParleyListenersFailing alert reads it). Counted in the
 * event publication registry, which keeps only incomplete publications, every
 * {@code parley.events.resubmit-interval}; a scrape never waits for the database.
 */
@Component
class FailedPublications {

    private final JdbcClient jdbc;
    private final AtomicLong failed = new AtomicLong();

    FailedPublications(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("parley.events.failed", failed, AtomicLong::get)
                .description("Module listener runs that failed and wait to be run again").register(meters);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${parley.events.resubmit-interval:1m}")
    @RunsOnEveryNode("each node exports the count as its own gauge (the alert takes the maximum)")
    void count() {
        failed.set(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE status IN ('FAILED', 'RESUBMITTED')")
                .query(Long.class).single());
    }

    long lastCount() {
        return failed.get();
    }
}
