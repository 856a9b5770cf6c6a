package dev.parley.sla;

import java.time.Instant;
import java.util.UUID;

/** What happened to SLA targets, published after the change is committed. */
public final class SlaEvents {

    private SlaEvents() {
    }

    /** A target passed its due time without being met; published once per target and due time. */
    public record SlaBreached(UUID conversationId, SlaStatus.Target target, Instant dueAt, UUID assigneeId,
            UUID teamId, String subject, Instant at) {
    }

    /** A conversation idle for too long was resolved or closed by the time rules (not by a person). */
    public record ConversationAutoFinished(UUID conversationId, dev.parley.conversation.ConversationStatus to,
            Instant at) {
    }
}
