package dev.parley.workspace.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Message;
import dev.parley.conversation.Priority;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.shared.ApiException;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agent does to a conversation, from the pages and the REST API alike: the role rules live here
 * and every agent's status, priority and assignment change is written to the audit log.
 */
@Component
public class ConversationActions {

    private final Conversations conversations;
    private final Agents agents;
    private final AuditLog audit;
    private final QueueRepository queue;
    private final Assigner assigner;
    private final AgentCapacity capacity;
    private final Mentions mentions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final dev.parley.conversation.Attachments attachments;
    private final TransactionTemplate tx;
    /** The take's: a transaction of its own, or a savepoint in the caller's, so a lost race leaves the caller's whole. */
    private final TransactionTemplate take;

    ConversationActions(Conversations conversations, Agents agents, AuditLog audit, QueueRepository queue,
            Assigner assigner, AgentCapacity capacity, Mentions mentions,
            org.springframework.context.ApplicationEventPublisher events,
            dev.parley.conversation.Attachments attachments, TransactionTemplate tx) {
        this.tx = tx;
        this.take = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.take.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.attachments = attachments;
        this.mentions = mentions;
        this.events = events;
        this.capacity = capacity;
        this.conversations = conversations;
        this.agents = agents;
        this.audit = audit;
        this.queue = queue;
        this.assigner = assigner;
    }

    /**
     * Posts a reply or an internal note. Replying to an unassigned conversation takes it; a visible reply to a
     * conversation the assistant handles (open or AI-resolved) or that waits in the queue moves it to in progress,
     * so the customer's next message goes to the agent, not back to the assistant.
     */
    public Message reply(AgentPrincipal me, UUID id, String text, boolean internal) {
        return reply(me, id, text, internal, java.util.List.of());
    }

    /**
     * A reply or note with files (already checked by {@code AttachmentPolicy}). Their rows are written in the
     * reply's transaction, so the customer's widget and the dashboards find the files when they hear of the reply.
     */
    public Message reply(AgentPrincipal me, UUID id, String text, boolean internal,
            java.util.List<dev.parley.conversation.InboundAttachment> files) {
        String body = !files.isEmpty() && (text == null || text.isBlank())
                ? "(sent " + files.size() + (files.size() == 1 ? " file)" : " files)") : text;
        if (!internal) {
            takeIfUnassigned(me, id);
        }
        return tx.execute(status -> post(me, id, body, internal, files));
    }

    /**
     * Replying takes an unassigned conversation: within capacity, or a supervisor's (audited) override. Taking competes
     * with automatic assignment, so it is decided under the one assignment lock, in a transaction of its own (unless
     * the caller's): the lock is held for the take, not for the reply's writes, which replies to other conversations
     * would otherwise queue behind (docs/benchmarks.md, live widget streams). Within the take the lock is held only for
     * the capacity count, an override's audit record and the assignee's write: the reads and the assignment's event
     * records come before it. A reply that then fails leaves the conversation with the agent who took it to answer;
     * one taken by someone else meanwhile is simply answered.
     */
    private void takeIfUnassigned(AgentPrincipal me, UUID id) {
        Conversation unassigned = conversations.get(id);
        if (unassigned.assigneeId() != null) {
            return;
        }
        Agent taker = agents.get(me.id()); // read before the lock: nothing under it that need not be
        try {
            take.executeWithoutResult(status -> {
                conversations.assignUnassigned(unassigned, me.id(), () -> {
                    queue.lockAssignment();
                    makeRoom(me, id, taker, me.isAtLeast(Role.SUPERVISOR));
                });
                assigner.assignedByHand(id);
            });
        } catch (dev.parley.conversation.AlreadyAssigned taken) {
            // another agent or the assigner was first: the reply goes to a conversation someone holds
        }
    }

    private Message post(AgentPrincipal me, UUID id, String text, boolean internal,
            java.util.List<dev.parley.conversation.InboundAttachment> files) {
        Message message = conversations.postReply(id, AuthorType.AGENT, me.id(), me.name(), text, internal);
        for (int i = 0; i < files.size(); i++) {
            attachments.attach(message.id(), files.get(i), i + 1);
        }
        Conversation c = conversations.get(id);
        if (internal) {
            notifyMentioned(me, c, message);
        }
        if (!internal && (c.status() == ConversationStatus.ESCALATED || c.status().handledByAssistant())) {
            conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        }
        return message;
    }

    /** Colleagues named in a note ({@code @name}) are told; mentioning oneself tells nobody. */
    private void notifyMentioned(AgentPrincipal me, Conversation c, Message note) {
        String excerpt = note.text().length() <= 200 ? note.text() : note.text().substring(0, 199) + "…";
        mentions.in(note.text()).stream().filter(agent -> !agent.id().equals(me.id()))
                .forEach(agent -> events.publishEvent(new dev.parley.workspace.AgentMentioned(c.id(), note.id(),
                        agent.id(), me.id(), me.name(), c.subject(), excerpt, note.createdAt())));
    }

    @Transactional
    public Conversation changeStatus(AgentPrincipal me, UUID id, ConversationStatus status) {
        Conversation before = conversations.get(id);
        Conversation after = conversations.changeStatus(id, status);
        audited(me, "conversation.status", id, before.status() + " -> " + status);
        return after;
    }

    @Transactional
    public Conversation changePriority(AgentPrincipal me, UUID id, Priority priority) {
        Conversation after = conversations.update(id, ConversationChanges.priority(priority));
        audited(me, "conversation.priority", id, priority.name());
        return after;
    }

    /**
     * Assigns to an agent, or unassigns with {@code null}. Agents may take an unassigned conversation and hand
     * on or drop their own; moving anyone else's takes a supervisor.
     */
    @Transactional
    public Conversation assign(AgentPrincipal me, UUID id, UUID agentId) {
        return assign(me, id, agentId, false);
    }

    /**
     * Assigns within the agent's capacity; a supervisor or admin may {@code overrideCapacity}, which is audited.
     */
    @Transactional
    public Conversation assign(AgentPrincipal me, UUID id, UUID agentId, boolean overrideCapacity) {
        if (overrideCapacity && !me.isAtLeast(Role.SUPERVISOR)) {
            throw ApiException.forbidden("Only supervisors assign conversations beyond an agent's capacity");
        }
        queue.lockAssignment();
        Conversation c = conversations.get(id);
        Agent target = agentId == null ? null : agents.find(agentId).filter(Agent::active).orElseThrow(
                () -> ApiException.badRequest("Agent " + agentId + " does not exist or is deactivated"));
        boolean ownOrFree = c.assigneeId() == null || c.assigneeId().equals(me.id());
        if (!ownOrFree && !me.isAtLeast(Role.SUPERVISOR)) {
            throw ApiException.forbidden("Only supervisors reassign conversations assigned to someone else");
        }
        if (Objects.equals(c.assigneeId(), agentId)) {
            return c;
        }
        if (target != null) {
            makeRoom(me, id, target, overrideCapacity);
        }
        Conversation after = conversations.update(id, ConversationChanges.assignee(agentId), me.id());
        if (c.assigneeId() == null) {
            assigner.assignedByHand(id);
        }
        audited(me, "conversation.assigned", id, c.assigneeId() + " -> " + agentId);
        return after;
    }

    @Transactional
    public Conversation assignTeam(AgentPrincipal me, UUID id, UUID teamId) {
        if (teamId != null && agents.team(teamId).isEmpty()) {
            throw ApiException.badRequest("Team " + teamId + " does not exist");
        }
        Conversation after = conversations.update(id,
                new ConversationChanges(null, null, null, false, teamId, teamId == null));
        audited(me, "conversation.team", id, String.valueOf(teamId));
        return after;
    }

    /**
     * Taking a conversation by hand respects the agent's capacity, as automatic assignment does; an override is
     * written to the audit log. Called under the assignment lock, so loads are counted one decision at a time.
     */
    private void makeRoom(AgentPrincipal me, UUID conversationId, Agent target, boolean override) {
        AgentCapacity.Room room = capacity.roomOf(target);
        if (!room.full()) {
            return;
        }
        if (!override) {
            String who = target.id().equals(me.id()) ? "You already hold " : target.name() + " already holds ";
            throw ApiException.conflict(who + room.load() + (room.load() == 1 ? " open conversation" : " open conversations")
                    + ", the limit of " + room.capacity()
                    + (me.isAtLeast(Role.SUPERVISOR) ? "; assign it anyway to go beyond it"
                            : "; resolve one first or ask a supervisor"));
        }
        audit.record(me.actor(), "conversation.capacity-override", "conversation " + conversationId,
                target.name() + " holds " + room.load() + " of " + room.capacity());
    }

    /** Every agent's status, priority and assignment changes are audited, not only supervisors' (issue 17). */
    private void audited(AgentPrincipal me, String action, UUID conversationId, String detail) {
        audit.record(me.actor(), action, "conversation " + conversationId, detail);
    }

}
