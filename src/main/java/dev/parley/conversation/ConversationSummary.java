package dev.parley.conversation;

/**
 * A conversation as the inbox lists it: with the assistant's latest confidence, a preview of the latest
 * visible message and whether the customer wrote something agents have not read yet.
 */
public record ConversationSummary(Conversation conversation, Double assistantConfidence, String lastMessage,
        boolean unread) {
}
