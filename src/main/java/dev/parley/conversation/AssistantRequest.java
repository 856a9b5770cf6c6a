package dev.parley.conversation;

import java.util.List;

/** A customer message to answer, with the visible history before it (oldest first). */
public record AssistantRequest(Conversation conversation, Message message, List<Message> history) {
}
