package dev.parley.realtime;

import java.util.Map;

/**
 * One live event. {@code topic} is {@link #conversationTopic(java.util.UUID)} for what a customer's
 * widget may see, or {@link #AGENTS} for everything the dashboards show. {@code seq} is the message
 * cursor for message events (0 otherwise), which clients resume from after a reconnect.
 */
public record RealtimeEvent(String topic, String type, long seq, Map<String, Object> data) {

    public static final String AGENTS = "agents";

    /** A stored message as a live event on {@code topic}, resumable by its seq. */
    public static RealtimeEvent message(String topic, dev.parley.conversation.Message message) {
        return message(topic, MessagePayload.from(message));
    }

    /** A message as a live event on {@code topic}, resumable by its seq. */
    public static RealtimeEvent message(String topic, MessagePayload message) {
        return new RealtimeEvent(topic, "message", message.seq(), Map.of("message", message));
    }

    /**
     * A conversation's status as a live event on {@code topic}; {@code from}, the status it left, is left out when not
     * known (a reconnecting widget hears the status as it is now).
     */
    public static RealtimeEvent status(String topic, java.util.UUID conversationId,
            dev.parley.conversation.ConversationStatus status, dev.parley.conversation.ConversationStatus from) {
        return new RealtimeEvent(topic, "status", 0, from == null
                ? Map.of("conversationId", conversationId, "status", status.name())
                : Map.of("conversationId", conversationId, "status", status.name(), "from", from.name()));
    }

    public static String conversationTopic(java.util.UUID conversationId) {
        return "conversation:" + conversationId;
    }
}
