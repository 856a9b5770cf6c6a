package dev.parley.events.internal;

import dev.parley.events.EventSettings;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands event publications to their module listener again, every {@code parley.events.resubmit-interval}, once across
 * the cluster: those whose listener threw (failed), and those not completed within {@code parley.events.resubmit-after}
 * (published or being processed on a node that died, or handed to an executor that was shutting down). Listeners are
 * written to be run again: a retried update never counts twice. Publications are claimed one by one in the database
 * (status RESUBMITTED), so a node restarting meanwhile does not run them twice.
 */
@Component
class PublicationResubmission {

    private static final Logger log = LoggerFactory.getLogger(PublicationResubmission.class);
    private static final int BATCH = 1_000;

    private final EventPublicationRegistry registry;
    private final FailedEventPublications failed;
    private final Staleness staleness;

    PublicationResubmission(EventPublicationRegistry registry, FailedEventPublications failed,
            EventSettings settings) {
        this.registry = registry;
        this.failed = failed;
        this.staleness = staleness(settings.resubmitAfter());
    }

    @Scheduled(initialDelayString = "${parley.events.resubmit-interval:1m}",
            fixedDelayString = "${parley.events.resubmit-interval:1m}")
    @SchedulerLock(name = "events.resubmit", lockAtMostFor = "PT5M")
    void resubmit() {
        registry.markStalePublicationsFailed(staleness);
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(BATCH));
        log.debug("Resubmitted failed event publications");
    }

    /**
     * Published and processing ones count as lost after {@code after}. Spring Modulith measures a resubmitted one
     * from its first publication too, not from its resubmission, so it gets a longer grace: otherwise one still
     * running from the last round would be handed over a second time.
     */
    static Staleness staleness(Duration after) {
        return status -> status == EventPublication.Status.RESUBMITTED ? after.multipliedBy(6) : after;
    }
}
