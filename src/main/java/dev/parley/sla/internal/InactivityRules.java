package dev.parley.sla.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.sla.SlaEvents.ConversationAutoFinished;
import dev.parley.sla.SlaSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves conversations left waiting on the customer for {@code parley.sla.auto-resolve-after} and closes resolved
 * ones {@code parley.sla.auto-close-after} after their resolution. The customer is told on the conversation's own
 * channel (a system message every channel delivers); each change is audited as the system's. One conversation that
 * fails is logged and skipped, never stopping the rest: a pass reads on past failures, and the next one resumes
 * where it stopped (on this node), so even a full page of conversations that fail every time blocks nothing.
 */
@Component
public class InactivityRules {

    private static final Logger log = LoggerFactory.getLogger(InactivityRules.class);
    private static final int BATCH = 100;
    private static final int PAGES = 10;

    private final ConversationQueries queries;
    private final Conversations conversations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SlaSettings settings;
    private final Clock clock;
    private final AtomicReference<Conversation> resolving = new AtomicReference<>();
    private final AtomicReference<Conversation> closing = new AtomicReference<>();

    InactivityRules(ConversationQueries queries, Conversations conversations, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate transactions, SlaSettings settings, Clock clock) {
        this.queries = queries;
        this.conversations = conversations;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass; returns how many conversations were resolved or closed. */
    public int run() {
        Instant now = clock.instant();
        int done = 0;
        if (!settings.autoResolveAfter().isZero()) {
            Instant cutoff = now.minus(settings.autoResolveAfter());
            var waiting = EnumSet.of(ConversationStatus.WAITING_CUSTOMER);
            done += pass(resolving, after -> queries.idleSince(waiting, cutoff, after, BATCH),
                    c -> finish(c.id(), ConversationStatus.RESOLVED, settings.autoResolveNotice(),
                            "no reply from the customer for " + days(settings.autoResolveAfter()),
                            current -> current.status() == ConversationStatus.WAITING_CUSTOMER
                                    && current.updatedAt().isBefore(cutoff)));
        }
        if (!settings.autoCloseAfter().isZero()) {
            Instant cutoff = now.minus(settings.autoCloseAfter());
            var resolved = EnumSet.of(ConversationStatus.RESOLVED, ConversationStatus.AI_RESOLVED);
            done += pass(closing, after -> queries.resolvedBefore(resolved, cutoff, after, BATCH),
                    c -> finish(c.id(), ConversationStatus.CLOSED, settings.autoCloseNotice(),
                            "resolved more than " + days(settings.autoCloseAfter()) + " ago",
                            current -> resolved.contains(current.status()) && current.resolvedAt() != null
                                    && current.resolvedAt().isBefore(cutoff)));
        }
        return done;
    }

    /**
     * Reads due conversations page by page from where the last pass stopped, until {@link #BATCH} are finished, the
     * list ends (the next pass starts from the top again) or {@link #PAGES} pages were read. Conversations that
     * failed stay behind the resume point, so they are tried again once per round and never block the ones after
     * them.
     */
    private static int pass(AtomicReference<Conversation> resume, Function<Conversation, List<Conversation>> page,
            ToIntFunction<Conversation> finish) {
        Conversation after = resume.get();
        int finished = 0;
        for (int pages = 0; pages < PAGES && finished < BATCH; pages++) {
            List<Conversation> due = page.apply(after);
            for (Conversation c : due) {
                finished += finish.applyAsInt(c);
            }
            after = due.size() < BATCH ? null : due.getLast();
            if (after == null) {
                break;
            }
        }
        resume.set(after);
        return finished;
    }

    private int finish(UUID id, ConversationStatus target, String notice, String why,
            java.util.function.Predicate<Conversation> stillDue) {
        try {
            Boolean finished = transactions.execute(tx -> {
                Conversation current = conversations.get(id);
                if (!stillDue.test(current)) {
                    return false; // the customer or an agent got there first
                }
                // The notice goes first: a closed conversation takes no more replies.
                conversations.postReply(id, AuthorType.SYSTEM, null, "Parley", notice, false);
                conversations.changeStatus(id, target);
                audit.record(Actor.SYSTEM, target == ConversationStatus.CLOSED ? "conversation.auto-close"
                        : "conversation.auto-resolve", id.toString(), why);
                events.publishEvent(new ConversationAutoFinished(id, target, clock.instant()));
                return true;
            });
            return Boolean.TRUE.equals(finished) ? 1 : 0;
        } catch (RuntimeException e) {
            log.warn("Could not {} conversation {}; trying again next time: {}",
                    target == ConversationStatus.CLOSED ? "close" : "resolve", id, e.toString());
            return 0;
        }
    }

    private static String days(Duration d) {
        return d.toDays() >= 1 && d.toHoursPart() == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days")
                : d.toHours() + " h";
    }
}
