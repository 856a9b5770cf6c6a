package dev.parley.analytics.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles durable resolution: an AI resolution the customer did not reopen within seven days counts as durable.
 * Reads only the conversations whose window just ended (an index on the due time), one node at a time (ShedLock).
 */
@Component
public class DurableResolutions {

    private static final int BATCH = 500;
    /** A run handles at most this many batches; a row that keeps failing must not keep the job looping. */
    private static final int MAX_BATCHES = 20;

    private final FactsRepository facts;
    private final ConversationFactsProjection projection;
    private final Clock clock;

    DurableResolutions(FactsRepository facts, ConversationFactsProjection projection, Clock clock) {
        this.facts = facts;
        this.projection = projection;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${parley.analytics.durable-check-interval:10m}",
            fixedDelayString = "${parley.analytics.durable-check-interval:10m}")
    @SchedulerLock(name = "analytics.durable-resolutions", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1S")
    void scheduled() {
        settleDue();
    }

    /** Settles every conversation whose window is over; returns how many were looked at. */
    public int settleDue() {
        Instant now = clock.instant();
        int settled = 0;
        List<UUID> due;
        int batches = 0;
        do {
            due = facts.durableDue(now, BATCH);
            due.forEach(id -> projection.settleDurable(id, now));
            settled += due.size();
        } while (due.size() == BATCH && ++batches < MAX_BATCHES);
        return settled;
    }
}
