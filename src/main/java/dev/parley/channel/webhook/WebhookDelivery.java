package dev.parley.channel.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event sent (or to be sent) to one subscription, as the delivery log shows it. */
record WebhookDelivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload, String state,
        int attempts, Instant nextAttemptAt, Integer lastStatus, Long lastLatencyMs, String lastResponse,
        Instant createdAt, Instant updatedAt) {
}
