package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a conversation. {@code seq} orders messages across the whole system and is the
 * cursor clients resume from. Internal notes are never shown to the customer. A {@code warning} tells agents
 * something about how the message arrived (e.g. a mail that could not be parsed and is shown as received).
 */
public record Message(
        UUID id,
        long seq,
        UUID conversationId,
        AuthorType authorType,
        UUID authorId,
        String authorName,
        String text,
        boolean internal,
        String clientMessageId,
        UUID inReplyTo,
        Double confidence,
        List<SourceRef> sources,
        Instant createdAt,
        String warning) {

    public Message(UUID id, long seq, UUID conversationId, AuthorType authorType, UUID authorId, String authorName,
            String text, boolean internal, String clientMessageId, UUID inReplyTo, Double confidence,
            List<SourceRef> sources, Instant createdAt) {
        this(id, seq, conversationId, authorType, authorId, authorName, text, internal, clientMessageId, inReplyTo,
                confidence, sources, createdAt, null);
    }

    public boolean visibleToCustomer() {
        return !internal;
    }
}
