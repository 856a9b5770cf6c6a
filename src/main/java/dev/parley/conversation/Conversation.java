package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** A conversation (ticket) as other modules see it: with one contact, in one inbox of one channel type. */
public record Conversation(
        UUID id,
        String channel,
        UUID inboxId,
        UUID contactId,
        ConversationStatus status,
        Priority priority,
        String category,
        String subject,
        Customer customer,
        SourceDetails source,
        EscalationReason escalationReason,
        UUID assigneeId,
        UUID teamId,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant escalatedAt,
        Instant resolvedAt,
        Instant lastCustomerMessageAt) {

    public Conversation withStatus(ConversationStatus newStatus, Instant now) {
        Instant resolved = newStatus == ConversationStatus.RESOLVED || newStatus == ConversationStatus.AI_RESOLVED
                ? now : newStatus == ConversationStatus.CLOSED ? resolvedAt : null;
        Instant escalated = newStatus == ConversationStatus.ESCALATED && escalatedAt == null ? now : escalatedAt;
        return new Conversation(id, channel, inboxId, contactId, newStatus, priority, category, subject, customer, source,
                escalationReason, assigneeId, teamId, createdAt, now, firstResponseAt, escalated, resolved,
                lastCustomerMessageAt);
    }

    public Conversation withEscalation(EscalationReason reason, Instant now) {
        return new Conversation(id, channel, inboxId, contactId, ConversationStatus.ESCALATED, priority, category, subject, customer,
                source, reason, assigneeId, teamId, createdAt, now, firstResponseAt,
                escalatedAt == null ? now : escalatedAt, null, lastCustomerMessageAt);
    }

    public Conversation withDetails(Priority newPriority, String newCategory, UUID newAssignee, UUID newTeam,
            Instant now) {
        return new Conversation(id, channel, inboxId, contactId, status, newPriority, newCategory, subject, customer, source,
                escalationReason, newAssignee, newTeam, createdAt, now, firstResponseAt, escalatedAt, resolvedAt,
                lastCustomerMessageAt);
    }

    public Conversation withCustomer(Customer newCustomer, Instant now) {
        return new Conversation(id, channel, inboxId, contactId, status, priority, category, subject, newCustomer, source,
                escalationReason, assigneeId, teamId, createdAt, now, firstResponseAt, escalatedAt, resolvedAt,
                lastCustomerMessageAt);
    }

    /** Records a visible reply: the first one sets the first-response time. */
    public Conversation withReplyAt(Instant now) {
        return new Conversation(id, channel, inboxId, contactId, status, priority, category, subject, customer, source,
                escalationReason, assigneeId, teamId, createdAt, now, firstResponseAt == null ? now : firstResponseAt,
                escalatedAt, resolvedAt, lastCustomerMessageAt);
    }

    public Conversation withCustomerMessage(String text, int subjectLength, Instant now) {
        String newSubject = subject != null ? subject : Subjects.fromFirstMessage(text, subjectLength);
        return new Conversation(id, channel, inboxId, contactId, status, priority, category, newSubject, customer, source,
                escalationReason, assigneeId, teamId, createdAt, now, firstResponseAt, escalatedAt, resolvedAt, now);
    }

    public Conversation withSubject(String newSubject, Instant now) {
        return new Conversation(id, channel, inboxId, contactId, status, priority, category, newSubject, customer, source,
                escalationReason, assigneeId, teamId, createdAt, now, firstResponseAt, escalatedAt, resolvedAt,
                lastCustomerMessageAt);
    }
}
