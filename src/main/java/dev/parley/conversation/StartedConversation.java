package dev.parley.conversation;

/**
 * A new conversation and the bearer secret that alone grants the customer access to it. The secret
 * is returned once and only its hash is stored.
 */
public record StartedConversation(Conversation conversation, String accessToken) {
}
