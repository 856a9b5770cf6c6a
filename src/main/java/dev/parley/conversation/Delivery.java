package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** The delivery of one visible reply to its conversation's channel. */
public record Delivery(UUID messageId, UUID conversationId, UUID inboxId, DeliveryState state, int attempts,
        String lastError, String externalId, Instant nextAttemptAt, Instant updatedAt) {
}
