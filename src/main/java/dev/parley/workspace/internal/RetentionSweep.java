package dev.parley.workspace.internal;

import dev.parley.conversation.PersonalData;
import dev.parley.conversation.PersonalData.Expiry;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.workspace.RetentionSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention policy every {@code parley.retention.sweep-interval} on one node of a cluster (ShedLock):
 * finished conversations untouched for {@code parley.retention.anonymise-after} are anonymised in batches, each its
 * own transaction, and the audit log records how many. Off by default.
 */
@Component
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    /** Batches per sweep at most, so a first run over years of data spreads over several sweeps. */
    private static final int MAX_BATCHES = 100;

    private final PersonalData personalData;
    private final AuditLog audit;
    private final RetentionSettings settings;
    private final Clock clock;

    RetentionSweep(PersonalData personalData, AuditLog audit, RetentionSettings settings, Clock clock) {
        this.personalData = personalData;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${parley.retention.sweep-interval:1h}",
            fixedDelayString = "${parley.retention.sweep-interval:1h}")
    @SchedulerLock(name = "retention.sweep", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1S")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            anonymiseBefore(clock.instant().minus(settings.anonymiseAfter()));
        } catch (RuntimeException e) {
            log.warn("Applying the retention policy failed; retrying at the next sweep: {}", e.toString());
        }
    }

    /** Anonymises what finished before the cutoff; returns the totals, also written to the audit log. */
    public Expiry anonymiseBefore(Instant cutoff) {
        var conversations = new ArrayList<UUID>();
        var contacts = new ArrayList<UUID>();
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Expiry step = personalData.expire(cutoff, settings.batchSize());
            conversations.addAll(step.conversationIds());
            contacts.addAll(step.contactIds());
            if (step.conversationIds().size() < settings.batchSize() && step.contactIds().size() < settings.batchSize()) {
                break;
            }
        }
        if (!conversations.isEmpty() || !contacts.isEmpty()) {
            audit.record(Actor.SYSTEM, "retention.anonymised", "finished before " + cutoff,
                    conversations.size() + " conversation(s), " + contacts.size() + " contact(s)");
            log.info("Retention: anonymised {} conversation(s) and {} contact(s) finished before {}",
                    conversations.size(), contacts.size(), cutoff);
        }
        return new Expiry(List.copyOf(conversations), List.copyOf(contacts));
    }
}
