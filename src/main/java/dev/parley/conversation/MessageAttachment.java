package dev.parley.conversation;

import java.util.UUID;

/** A file attached to a message, listed for agents to download. */
public record MessageAttachment(UUID id, UUID messageId, String filename, String contentType, long size) {
}
