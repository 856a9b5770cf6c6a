package dev.parley.identity;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who did what to which target, when and from where. */
public record AuditEntry(long id, Instant at, UUID actorId, String actor, String action, String target,
        String detail, String ip) {
}
