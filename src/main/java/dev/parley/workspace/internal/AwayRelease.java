package dev.parley.workspace.internal;

import dev.parley.workspace.InboxSettings;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the open conversations of agents who have been away longer than {@code parley.inbox.away-release-after} back
 * to the queue, every {@code parley.inbox.sweep-interval} on one node of a cluster (ShedLock). Each agent's release is
 * a conditional update first, so it happens once per away period even if two nodes ever ran it together.
 */
@Component
public class AwayRelease {

    private static final Logger log = LoggerFactory.getLogger(AwayRelease.class);

    private final PresenceRepository presence;
    private final Presence transitions;
    private final InboxSettings settings;
    private final Clock clock;

    AwayRelease(PresenceRepository presence, Presence transitions, InboxSettings settings, Clock clock) {
        this.presence = presence;
        this.transitions = transitions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${parley.inbox.sweep-interval:15s}", fixedDelayString = "${parley.inbox.sweep-interval:15s}")
    @SchedulerLock(name = "inbox.away-release", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1S")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Giving away agents' conversations back failed; retrying next time: {}", e.toString());
        }
    }

    /** Releases every agent away since before the cutoff; returns how many were released. */
    public int run() {
        if (settings.awayReleaseAfter().isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(settings.awayReleaseAfter());
        var due = presence.awayUnreleasedSince(cutoff);
        due.forEach(agentId -> transitions.awayTooLong(agentId, cutoff));
        return due.size();
    }
}
