package dev.parley.conversation;

/**
 * A conversation as the inbox lists it: with the assistant's latest confidence, a preview of the latest
 * visible message and whether the customer wrote something agents have not read yet.
 */
public record ConversationSummary(Conversation conversation, Double assistantConfidence, String lastMessage,
        boolean unread, java.util.List<Tag> tags) {

    public ConversationSummary(Conversation conversation, Double assistantConfidence, String lastMessage,
            boolean unread) {
        this(conversation, assistantConfidence, lastMessage, unread, java.util.List.of());
    }

    public ConversationSummary withTags(java.util.List<Tag> newTags) {
        return new ConversationSummary(conversation, assistantConfidence, lastMessage, unread, newTags);
    }
}
