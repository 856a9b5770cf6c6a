package dev.parley.knowledge;

import java.time.Instant;

/** Published knowledge changed (create, edit, publish, delete, import); {@code version} is the new version. */
public record KnowledgeChanged(long version, Instant at) {
}
