package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to conversations, published after the change is committed. Records carry ids and values only. */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    public record ConversationStarted(UUID conversationId, String channel, Instant at) {
    }

    /**
     * A customer message was stored. Carries what listeners need (who holds the conversation, the text, the
     * sender's own id for the message, which the widget matches its pending bubble by) so they need not read it back.
     */
    public record MessageReceived(UUID conversationId, UUID messageId, long seq, String channel, UUID assigneeId,
            String subject, String authorName, String text, String clientMessageId, Instant at) {
    }

    /**
     * An assistant, agent or system message (or an internal note) was stored: everything a channel needs to send it
     * and a live client to show it ({@code at} is the message's time; an assistant's answer carries its confidence
     * and sources), so listeners need not read it back. {@code sources} is null only in publications stored by a
     * version that did not carry them; listeners then read the message.
     */
    public record ReplyPosted(UUID conversationId, UUID messageId, long seq, String channel, AuthorType authorType,
            String authorName, String text, boolean internal, Instant at, UUID inReplyTo, Double confidence,
            List<SourceRef> sources) {

        /** The event of a message just stored (as read back by the insert) in a conversation of this channel. */
        public static ReplyPosted of(Message stored, String channel) {
            return new ReplyPosted(stored.conversationId(), stored.id(), stored.seq(), channel, stored.authorType(),
                    stored.authorName(), stored.text(), stored.internal(), stored.createdAt(), stored.inReplyTo(),
                    stored.confidence(), stored.sources());
        }
    }

    /** A customer message that arrived by a channel with a quick inbound step is to be answered off that step. */
    public record AnswerRequested(UUID conversationId, UUID messageId, AssistantMode mode, Instant at) {
    }

    /** An agent asked to send a reply again whose delivery failed. */
    public record DeliveryRetryRequested(UUID conversationId, UUID messageId, Instant at) {
    }

    /** A reply's delivery to the customer's channel changed state ({@code error} says why it is not sent yet). */
    public record DeliveryChanged(UUID conversationId, UUID messageId, DeliveryState state, String error,
            Instant at) {
    }

    /**
     * The conversation got a new assignee ({@code assigneeId} null when it was unassigned); {@code assignedBy} is the
     * agent who did it, null for automatic assignment (and in events stored before it was recorded).
     */
    public record ConversationAssigned(UUID conversationId, UUID assigneeId, UUID previousAssigneeId, String subject,
            String customerName, Instant at, UUID assignedBy) {

        /** Whether the assignee took it themself (by replying, or by hand): nobody needs to tell them. */
        public boolean selfAssigned() {
            return assigneeId != null && assigneeId.equals(assignedBy);
        }
    }

    public record ConversationEscalated(UUID conversationId, EscalationReason reason, Double confidence,
            Instant at) {
    }

    /** The conversation's status changed; {@code channel} is the conversation's, for listeners of one channel. */
    public record ConversationStatusChanged(UUID conversationId, String channel, ConversationStatus from,
            ConversationStatus to, Instant at) {
    }

    /** One side has now seen every message up to {@code upToSeq}. */
    public record MessagesRead(UUID conversationId, Reader reader, long upToSeq, Instant at) {
    }

    /** The customer rated the conversation (CSAT, 1–5). */
    public record ConversationRated(UUID conversationId, int rating, Instant at) {
    }

    /**
     * The customer's "Did that help?" on an AI answer was decided: by a click ({@code CONFIRMED}, {@code NOT_HELPFUL})
     * or by the feedback timeout ({@code ASSUMED}).
     */
    public record AnswerFeedbackRecorded(UUID conversationId, UUID messageId, AnswerVerdict verdict, Instant at) {
    }

    /** An agent (or {@code agentId} null: the system) put the tag on the conversation. */
    public record ConversationTagged(UUID conversationId, UUID tagId, String tagName, UUID agentId, Instant at) {
    }

    /** The tag was taken off the conversation. */
    public record ConversationUntagged(UUID conversationId, UUID tagId, String tagName, UUID agentId, Instant at) {
    }

    /** The source's messages moved into the target (same contact); the source was closed. */
    public record ConversationsMerged(UUID sourceId, UUID targetId, int movedMessages, UUID agentId, Instant at) {
    }

    /** An agent changed the conversation's subject. */
    public record SubjectChanged(UUID conversationId, String from, String to, UUID agentId, Instant at) {
    }

    /**
     * Priority, category, subject, tags, team or the customer's details changed. A change of assignee alone is told by
     * {@link ConversationAssigned} only: its listeners (the queue, the dashboards) follow that event.
     */
    public record ConversationUpdated(UUID conversationId, Instant at) {
    }

    /**
     * A contact's personal data was erased from the conversation module (GDPR): modules that keep copies of those
     * conversations' texts erase theirs. The conversations themselves remain, so counts stay.
     */
    public record ContactErased(UUID contactId, java.util.List<UUID> conversationIds, Instant at) {
    }

    /**
     * Finished conversations passed the retention period and their texts were anonymised in the conversation module:
     * modules that keep copies of those texts erase theirs. The conversations remain, so counts stay.
     */
    public record ConversationsExpired(java.util.List<UUID> conversationIds, Instant at) {
    }
}
