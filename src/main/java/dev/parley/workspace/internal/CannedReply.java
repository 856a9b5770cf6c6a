package dev.parley.workspace.internal;

import java.time.Instant;
import java.util.UUID;

/** A saved answer; its body may hold placeholders such as {@code {{customer.name}}}. */
public record CannedReply(UUID id, String shortcut, String title, String body, Instant updatedAt) {
}
