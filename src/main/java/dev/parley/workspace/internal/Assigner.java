package dev.parley.workspace.internal;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capacity-aware assignment with a FIFO waiting queue. Every decision runs in one transaction that first
 * locks the single {@code assignment_lock} row, so on any number of threads and nodes loads are counted
 * and conversations handed out one decision at a time: nothing is assigned twice, no agent over capacity.
 */
@Component
public class Assigner {

    /** Most free capacity first; ties go to whoever was assigned least recently (never before counts as oldest). */
    static final Comparator<AgentCapacity.Slot> BEST_AGENT = Comparator
            .comparingLong(AgentCapacity.Slot::free).reversed()
            .thenComparing(AgentCapacity.Slot::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(AgentCapacity.Slot::agentId);

    private static final int LOCK_ATTEMPTS = 5;
    private static final int DRAIN_BATCH = 100;

    public record Assignment(UUID conversationId, UUID agentId, String agentName) {
    }

    private final TransactionTemplate tx;
    private final QueueRepository queue;
    private final PresenceRepository presence;
    private final AgentCapacity capacity;
    private final Conversations conversations;
    private final ConversationQueries queries;
    private final QueueNotifier notifier;
    private final Clock clock;

    Assigner(TransactionTemplate tx, QueueRepository queue, PresenceRepository presence, AgentCapacity capacity,
            Conversations conversations, ConversationQueries queries, QueueNotifier notifier, Clock clock) {
        this.tx = tx;
        this.queue = queue;
        this.presence = presence;
        this.capacity = capacity;
        this.conversations = conversations;
        this.queries = queries;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Puts an unassigned conversation that needs a person in the queue, then hands out what capacity allows. */
    public List<Assignment> enqueue(UUID conversationId) {
        tx.executeWithoutResult(status -> conversations.find(conversationId)
                .filter(Assigner::waitsForPerson)
                .ifPresent(c -> queue.add(c.id(), waitingSince(c))));
        return drain();
    }

    /** Takes a conversation out of the queue (it was assigned by hand or finished). */
    public void dequeue(UUID conversationId) {
        if (tx.execute(status -> queue.remove(conversationId))) {
            notifier.queueMoved(List.of());
        }
    }

    /**
     * Takes a conversation that an agent was just given by hand (by replying, or with "assign") out of the queue, in
     * the caller's transaction, which holds the assignment lock: such an assignment frees no capacity, so its event
     * has nothing left to settle ({@link AssignmentListeners#settles}). Waiting customers hear their new places after
     * the commit.
     */
    void assignedByHand(UUID conversationId) {
        if (queue.remove(conversationId)) {
            dev.parley.shared.AfterCommit.run(() -> notifier.queueMoved(List.of()));
        }
    }

    /**
     * Assigns waiting conversations, oldest first, while online agents have free capacity. With nothing waiting
     * (read without the lock) it returns at once: the drains after status changes of conversations that never
     * waited, most of them, then do not queue on the one assignment lock, and requests that take it (an agent
     * taking a conversation) do not wait behind them. Nothing is missed: whoever queues a conversation drains
     * after its own commit.
     */
    public List<Assignment> drain() {
        if (queue.first(1).isEmpty()) {
            return List.of();
        }
        List<Assignment> done = retryingOnLockTimeout(() -> tx.execute(status -> {
            queue.lockAssignment();
            return assignWaiting();
        }));
        notifier.queueMoved(done);
        return done;
    }

    /** Waiting for the assignment lock can time out (H2 gives up after a second); the work is simply redone. */
    private static <T> T retryingOnLockTimeout(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Takes back the open conversations of an agent who went offline or was deactivated and queues them
     * ahead of newer ones (by when they first waited), then reassigns what capacity allows.
     */
    public List<Assignment> release(UUID agentId) {
        retryingOnLockTimeout(() -> tx.execute(status -> {
            queue.lockAssignment();
            for (Conversation c : queries.assignedTo(agentId, AgentCapacity.NEEDS_PERSON)) {
                conversations.update(c.id(), ConversationChanges.assignee(null));
                queue.add(c.id(), waitingSince(c));
            }
            return null;
        }));
        return drain();
    }

    /**
     * Reads the queue a batch at a time from its head: every entry of a batch is either assigned or dropped
     * (no longer waiting), so the next read starts after it; with no free capacity nothing is read at all.
     */
    private List<Assignment> assignWaiting() {
        List<Assignment> done = new ArrayList<>();
        List<AgentCapacity.Slot> slots = new ArrayList<>(capacity.online());
        Instant now = clock.instant();
        while (slots.stream().anyMatch(s -> s.free() > 0)) {
            List<QueueRepository.Entry> batch = queue.first(DRAIN_BATCH);
            for (QueueRepository.Entry entry : batch) {
                Optional<Conversation> conversation = conversations.find(entry.conversationId());
                if (conversation.isEmpty() || !waitsForPerson(conversation.get())) {
                    queue.remove(entry.conversationId());
                    continue;
                }
                Optional<AgentCapacity.Slot> best = slots.stream().filter(s -> s.free() > 0).min(BEST_AGENT);
                if (best.isEmpty()) {
                    return done;
                }
                AgentCapacity.Slot slot = best.get();
                conversations.update(entry.conversationId(), ConversationChanges.assignee(slot.agentId()));
                queue.remove(entry.conversationId());
                presence.assigned(slot.agentId(), now);
                slots.set(slots.indexOf(slot), slot.plusOne(now));
                done.add(new Assignment(entry.conversationId(), slot.agentId(), slot.name()));
            }
            if (batch.size() < DRAIN_BATCH) {
                return done;
            }
        }
        return done;
    }

    static boolean waitsForPerson(Conversation c) {
        return c.assigneeId() == null && AgentCapacity.NEEDS_PERSON.contains(c.status());
    }

    private Instant waitingSince(Conversation c) {
        if (c.escalatedAt() != null) {
            return c.escalatedAt();
        }
        return c.status() == ConversationStatus.ESCALATED ? clock.instant() : c.updatedAt();
    }
}
