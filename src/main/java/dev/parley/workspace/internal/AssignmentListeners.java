package dev.parley.workspace.internal;

import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.Conversations;
import dev.parley.identity.AgentEvents.AgentChanged;
import dev.parley.identity.AgentEvents.AgentSignedIn;
import dev.parley.identity.AgentEvents.AgentSignedOut;
import dev.parley.workspace.PresenceStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps assignment current after committed changes: module listeners, off the caller's thread, recorded in the
 * event publication registry, so a failure is retried rather than lost; the sweep is a second safety net. Without a
 * transaction of their own: the assigner runs each step in its own short transaction (and retries on lock timeouts).
 */
@Component
class AssignmentListeners {

    private final Assigner assigner;
    private final Presence presence;
    private final Conversations conversations;

    AssignmentListeners(Assigner assigner, Presence presence, Conversations conversations) {
        this.assigner = assigner;
        this.presence = presence;
        this.conversations = conversations;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEscalated event) {
        assigner.enqueue(event.conversationId());
    }

    /** A finished conversation frees its agent's capacity; an unassigned one may now need the queue. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED,
            condition = "T(dev.parley.workspace.internal.AssignmentListeners).concernsAssignment(#event)")
    void on(ConversationStatusChanged event) {
        settle(event.conversationId());
    }

    /**
     * Whether a status change can touch the queue or an agent's load: only conversations in a status that needs a
     * person wait or count against capacity, so a change between two other statuses (the assistant answering,
     * a customer writing again to the assistant) has nothing to settle and gets no event publication.
     */
    public static boolean concernsAssignment(ConversationStatusChanged event) {
        return AgentCapacity.NEEDS_PERSON.contains(event.from()) || AgentCapacity.NEEDS_PERSON.contains(event.to());
    }

    /** Moved to a team, or other details changed. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationUpdated event) {
        settle(event.conversationId());
    }

    /** Unassigned, handed on, or assigned automatically. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED,
            condition = "T(dev.parley.workspace.internal.AssignmentListeners).settles(#event)")
    void on(ConversationAssigned event) {
        settle(event.conversationId());
    }

    /**
     * Whether an assignment leaves the queue or the loads to settle: an agent giving a conversation nobody held to
     * themselves or a colleague (most often by replying to it) frees no capacity, and the action took it out of the
     * queue in its own transaction ({@link Assigner#assignedByHand}), so it gets no event publication. Unassigning
     * may queue it, handing it on frees the previous assignee's capacity, and the assigner's own assignments drain on.
     */
    public static boolean settles(ConversationAssigned event) {
        return event.assignedBy() == null || event.assigneeId() == null || event.previousAssigneeId() != null;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentSignedIn event) {
        presence.signedIn(event.agentId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentSignedOut event) {
        presence.signedOut(event.agentId());
    }

    /** Capacity raised, or the agent deactivated (then their conversations go back to the queue). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentChanged event) {
        if (event.active()) {
            assigner.drain();
        } else {
            presence.choose(event.agentId(), PresenceStatus.OFFLINE);
        }
    }

    private void settle(java.util.UUID conversationId) {
        conversations.find(conversationId).ifPresent(c -> {
            if (Assigner.waitsForPerson(c) && c.status() == dev.parley.conversation.ConversationStatus.ESCALATED) {
                assigner.enqueue(c.id());
            } else {
                if (!Assigner.waitsForPerson(c)) {
                    assigner.dequeue(c.id());
                }
                assigner.drain();
            }
        });
    }
}
