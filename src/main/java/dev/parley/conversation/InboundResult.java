package dev.parley.conversation;

/** What became of an inbound message: the stored message, and whether it started a conversation or was a repeat. */
public record InboundResult(Conversation conversation, Message message, boolean newConversation,
        boolean duplicate) {
}
