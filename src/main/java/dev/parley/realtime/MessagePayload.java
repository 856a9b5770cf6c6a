package dev.parley.realtime;

import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as clients receive it, over the API and the live stream alike. Customers never receive
 * internal notes; the {@code internal} flag is there for dashboards.
 */
public record MessagePayload(UUID id, long seq, UUID conversationId, String authorType, String authorName,
        String text, boolean internal, Double confidence, List<SourceRef> sources, String clientMessageId,
        UUID inReplyTo, Instant createdAt) {

    public static MessagePayload from(Message m) {
        return new MessagePayload(m.id(), m.seq(), m.conversationId(), m.authorType().name(), m.authorName(),
                m.text(), m.internal(), m.confidence(), m.sources(), m.clientMessageId(), m.inReplyTo(), m.createdAt());
    }
}
