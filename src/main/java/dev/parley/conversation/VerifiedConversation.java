package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** One of a verified customer's conversations as the customer lists them: subject, status and the latest message. */
public record VerifiedConversation(UUID conversationId, String subject, ConversationStatus status,
        String lastMessage, Instant createdAt, Instant updatedAt) {
}
