package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** A customer's satisfaction rating of a conversation, 1 (bad) to 5 (great). */
public record CsatRating(UUID conversationId, int rating, String comment, Instant createdAt) {
}
