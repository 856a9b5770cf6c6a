package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.workspace.InboxSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every {@code parley.inbox.sweep-interval}: agents without a dashboard become away and later offline,
 * escalated conversations that somehow are neither assigned nor queued are queued, and the queue is retried.
 * Safe on every node at once (each step is a conditional update or goes through the assignment lock); the
 * cluster lock only saves the other nodes the work.
 */
@Component
class PresenceSweep {

    private static final Logger log = LoggerFactory.getLogger(PresenceSweep.class);

    private final PresenceRepository presence;
    private final Presence transitions;
    private final Assigner assigner;
    private final QueueRepository queue;
    private final ConversationQueries conversations;
    private final InboxSettings settings;
    private final Clock clock;

    PresenceSweep(PresenceRepository presence, Presence transitions, Assigner assigner, QueueRepository queue,
            ConversationQueries conversations, InboxSettings settings, Clock clock) {
        this.presence = presence;
        this.transitions = transitions;
        this.assigner = assigner;
        this.queue = queue;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${parley.inbox.sweep-interval:15s}", fixedDelayString = "${parley.inbox.sweep-interval:15s}")
    // held for one interval, so the nodes together sweep once per interval, not once each
    @SchedulerLock(name = "inbox.presence-sweep", lockAtMostFor = "PT1M",
            lockAtLeastFor = "${parley.inbox.sweep-interval:15s}")
    void sweep() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Presence and queue sweep failed; retrying next time: {}", e.toString());
        }
    }

    void run() {
        Instant now = clock.instant();
        presence.onlineNotSeenSince(now.minus(settings.awayAfter())).forEach(transitions::becameAway);
        presence.autoAwayNotSeenSince(now.minus(settings.offlineAfter())).forEach(transitions::becameOffline);
        ConversationFilter stranded = ConversationFilter.all()
                .withStatuses(Set.of(ConversationStatus.ESCALATED)).withAssignee(null, true);
        conversations.find(stranded, 0, 200).items().stream()
                .map(summary -> summary.conversation().id())
                .filter(id -> !queue.contains(id))
                .forEach(assigner::enqueue);
        assigner.drain();
    }
}
