package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

/** A personal API token as listed to its owner; the secret itself is shown once at creation. */
public record ApiToken(UUID id, UUID agentId, String name, Instant createdAt, Instant lastUsedAt) {
}
