package dev.parley.channel.web;

import dev.parley.realtime.MessagePayload;
import java.util.List;
import java.util.UUID;

/** Response bodies of the public widget API. */
final class WidgetResponses {

    private WidgetResponses() {
    }

    record Started(UUID conversationId, String token, String status, List<MessagePayload> messages, long cursor) {
    }

    record Posted(MessagePayload message, MessagePayload reply, String status, long cursor, boolean replayed) {
    }

    record Transcript(UUID conversationId, String status, List<MessagePayload> messages, long cursor) {
    }

    /**
     * Where the conversation stands for the customer; the queue fields are set while it waits for a person
     * ({@code agentsOnline} 0 means nobody is online to take it).
     */
    record State(UUID conversationId, String status, String customerName, String customerEmail, long agentReadSeq,
            Integer queuePosition, Long estimatedWaitSeconds, Integer agentsOnline) {
    }

    static long cursorOf(List<MessagePayload> messages, long fallback) {
        return messages.isEmpty() ? fallback : messages.getLast().seq();
    }
}
