package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** What happened to conversations, published after the change is committed. Records carry ids and values only. */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    public record ConversationStarted(UUID conversationId, String channel, Instant at) {
    }

    /** A customer message was stored. */
    public record MessageReceived(UUID conversationId, UUID messageId, long seq, Instant at) {
    }

    /** An assistant, agent or system message (or an internal note) was stored. */
    public record ReplyPosted(UUID conversationId, UUID messageId, long seq, AuthorType authorType,
            boolean internal, Instant at) {
    }

    public record ConversationEscalated(UUID conversationId, EscalationReason reason, Double confidence,
            Instant at) {
    }

    public record ConversationStatusChanged(UUID conversationId, ConversationStatus from, ConversationStatus to,
            Instant at) {
    }

    /** One side has now seen every message up to {@code upToSeq}. */
    public record MessagesRead(UUID conversationId, Reader reader, long upToSeq, Instant at) {
    }

    /** The customer rated the conversation (CSAT, 1–5). */
    public record ConversationRated(UUID conversationId, int rating, Instant at) {
    }

    /** Priority, category, assignee or team changed. */
    public record ConversationUpdated(UUID conversationId, Instant at) {
    }
}
