package dev.parley.learning.internal;

import dev.parley.learning.FlagReason;
import java.time.Instant;
import java.util.UUID;

/**
 * One item of the learning queue. {@code EXAMPLE}: {@code question} for the article {@code articleId};
 * {@code ARTICLE}: a new article from {@code question} and the agent's {@code answer}; {@code FLAG}: an AI answer
 * ({@code answer}, citing {@code articleId}) an agent flagged for {@code flagReason}.
 */
public record Proposal(UUID id, Kind kind, State state, UUID conversationId, UUID messageId, String question,
        String answer, String articleId, String articleTitle, FlagReason flagReason, String note, UUID createdBy,
        Instant createdAt) {

    public enum Kind {
        EXAMPLE, ARTICLE, FLAG
    }

    public enum State {
        OPEN, ACCEPTED, DISMISSED
    }
}
