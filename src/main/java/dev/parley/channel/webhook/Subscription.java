package dev.parley.channel.webhook;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** One URL subscribed to some events; its secret is never part of this view. */
record Subscription(UUID id, String url, Set<String> events, boolean active, String disabledReason,
        int consecutiveFailures, Instant createdAt) {
}
