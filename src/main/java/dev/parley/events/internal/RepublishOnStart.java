package dev.parley.events.internal;

import dev.parley.cluster.NodeSettings;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Hands the event publications whose listeners had not completed (the node stopped mid-way) to their listeners again
 * when a worker node has started, so that a restarted single node catches up at once rather than after
 * {@code parley.events.resubmit-after} ({@link PublicationResubmission}). Spring Modulith's own
 * {@code republish-outstanding-events-on-restart} did this on every node at every start, also for publications another
 * live node was running at that moment; now web-only nodes leave it to the workers, and a ShedLock lock (held at least a
 * minute) makes workers starting together do it once. Listeners are written to be run again.
 */
@Component
class RepublishOnStart {

    static final String LOCK = "events.republish-on-start";
    private static final Logger log = LoggerFactory.getLogger(RepublishOnStart.class);

    private final NodeSettings node;
    private final IncompleteEventPublications publications;
    private final LockProvider locks;
    private final Clock clock;

    RepublishOnStart(NodeSettings node, IncompleteEventPublications publications, LockProvider locks, Clock clock) {
        this.node = node;
        this.publications = publications;
        this.locks = locks;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void republishOnStart() {
        if (!node.worker()) {
            log.info("Not republishing incomplete events: this node has no worker role (parley.node.roles={})",
                    node.roles());
            return;
        }
        // At least a minute between two runs: several workers starting together republish once.
        var lock = new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(10), Duration.ofMinutes(1));
        new DefaultLockingTaskExecutor(locks).executeWithLock((Runnable) () -> {
            log.info("Republishing the events whose listeners had not completed");
            publications.resubmitIncompletePublications(publication -> true);
        }, lock);
    }
}
