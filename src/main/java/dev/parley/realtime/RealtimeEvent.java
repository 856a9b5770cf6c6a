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
        return new RealtimeEvent(topic, "message", message.seq(), Map.of("message", MessagePayload.from(message)));
    }

    public static String conversationTopic(java.util.UUID conversationId) {
        return "conversation:" + conversationId;
    }
}
