package dev.parley.sla.internal;

import dev.parley.sla.SlaClocks;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code parley.sla.check-interval}, on one node of a cluster (ShedLock): records breached SLA targets,
 * resolves or closes idle conversations and brings the daily SLA counts up to date ({@link SlaDailyRollup}). Breaches are conditional updates, so each is counted once even if two
 * nodes ever ran together.
 */
@Component
class SlaSweep {

    private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

    private final SlaClocks clocks;
    private final InactivityRules inactivity;
    private final SlaDailyRollup rollup;

    SlaSweep(SlaClocks clocks, InactivityRules inactivity, SlaDailyRollup rollup) {
        this.clocks = clocks;
        this.inactivity = inactivity;
        this.rollup = rollup;
    }

    @Scheduled(initialDelayString = "${parley.sla.check-interval:1m}", fixedDelayString = "${parley.sla.check-interval:1m}")
    @SchedulerLock(name = "sla.sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void sweep() {
        try {
            clocks.recordBreaches();
        } catch (RuntimeException e) {
            log.warn("Checking SLA due times failed; retrying next time: {}", e.toString());
        }
        try {
            inactivity.run();
        } catch (RuntimeException e) {
            log.warn("Resolving and closing idle conversations failed; retrying next time: {}", e.toString());
        }
        try {
            rollup.rebuildMarkedDays();
        } catch (RuntimeException e) {
            log.warn("Counting SLA outcomes per day failed; retrying next time: {}", e.toString());
        }
    }
}
