package dev.parley.conversation;

/** What a channel knows when a customer starts talking. */
public record NewConversation(String channel, Customer customer, SourceDetails source, String category) {
}
