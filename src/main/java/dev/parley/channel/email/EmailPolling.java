package dev.parley.channel.email;

import dev.parley.assistant.AssistantReadiness;
import dev.parley.cluster.RunsOnEveryNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When each mailbox is polled: at its poll interval, and at once when an IMAP IDLE watcher hears of new mail.
 * Each poll of a mailbox holds a cluster-wide lock of that mailbox, so two nodes never read it at the same time.
 * Due mailboxes are polled side by side, each on a thread of its own: a server that accepts the connection and never
 * answers holds its own mailbox for the mail timeout, not the others.
 */
@Component
class EmailPolling {

    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private final Mailboxes mailboxes;
    private final EmailPoller poller;
    private final LockProvider locks;
    private final IdleWatchers watchers;
    private final Clock clock;
    private final AssistantReadiness assistant;
    /** Mailboxes whose poll runs on this node now: the next round leaves them to it. */
    private final Set<UUID> polling = ConcurrentHashMap.newKeySet();

    EmailPolling(Mailboxes mailboxes, EmailPoller poller, LockProvider locks, IdleWatchers watchers, Clock clock,
            AssistantReadiness assistant) {
        this.assistant = assistant;
        this.mailboxes = mailboxes;
        this.poller = poller;
        this.locks = locks;
        this.watchers = watchers;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        mailboxes.syncProperties();
        watchers.watch(mailboxes.active(), this::pollNow);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT5S")
    @RunsOnEveryNode("each mailbox's poll takes a cluster-wide lock of its own")
    void pollDue() {
        if (!assistant.ready()) {
            // Mail waits on the server until the assistant has loaded; taken now it would all be handed over.
            return;
        }
        Instant now = clock.instant();
        List<Mailbox> active = mailboxes.active();
        Map<UUID, MailboxState> states = mailboxes.statesById();
        for (Mailbox mailbox : active) {
            MailboxState state = states.get(mailbox.inbox().id());
            Instant last = state == null ? null : state.lastPollAt();
            if (last == null || !last.plus(mailbox.pollInterval()).isAfter(now)) {
                pollApart(mailbox);
            }
        }
        watchers.watch(active, this::pollNow);
    }

    /** Polls a mailbox on a thread of its own, unless its poll on this node is still running. */
    private void pollApart(Mailbox mailbox) {
        UUID id = mailbox.inbox().id();
        if (!polling.add(id)) {
            return;
        }
        Thread.ofVirtual().name("email-poll-" + mailbox.address()).start(() -> {
            try {
                poll(mailbox);
            } finally {
                polling.remove(id);
            }
        });
    }

    /** Polls one mailbox now (new mail was announced, or an admin asked). */
    void pollNow(UUID inboxId) {
        if (!assistant.ready()) {
            return;
        }
        mailboxes.active().stream().filter(m -> m.inbox().id().equals(inboxId)).findFirst().ifPresent(this::poll);
    }

    private void poll(Mailbox mailbox) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(),
                "channel.email-poll." + mailbox.inbox().id(), LOCK_AT_MOST, Duration.ZERO));
        if (lock.isEmpty()) {
            return;
        }
        try {
            poller.poll(mailbox);
        } finally {
            lock.get().unlock();
        }
    }
}
