package dev.parley.conversation;

/**
 * A customer's message as a channel received it. The same {@code clientMessageId} on the same
 * conversation stores one message, so channels can retry safely.
 */
public record IncomingMessage(String text, String clientMessageId) {
}
