package dev.parley.conversation;

/**
 * A new conversation. Channels keep their own access to it (the widget hands the customer a bearer token and
 * stores only its hash, in the web channel).
 */
public record StartedConversation(Conversation conversation) {
}
