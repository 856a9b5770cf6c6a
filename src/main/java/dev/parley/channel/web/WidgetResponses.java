package dev.parley.channel.web;

import dev.parley.realtime.MessagePayload;
import java.util.List;
import java.util.UUID;

/** Response bodies of the public widget API. */
final class WidgetResponses {

    private WidgetResponses() {
    }

    /** {@code verified}: the conversation was started by a customer the host site verified. */
    record Started(UUID conversationId, String token, String status, List<MessagePayload> messages, long cursor,
            boolean verified) {
    }

    record Posted(MessagePayload message, MessagePayload reply, String status, long cursor, boolean replayed) {
    }

    record Transcript(UUID conversationId, String status, List<MessagePayload> messages, long cursor) {
    }

    /**
     * Where the conversation stands for the customer; the queue fields are set while it waits for a person
     * ({@code agentsOnline} 0 means nobody is online to take it; {@code outOfHours}, while it waits outside the team's
     * business hours, says when the team is back).
     */
    record State(UUID conversationId, String status, String customerName, String customerEmail, long agentReadSeq,
            Integer queuePosition, Long estimatedWaitSeconds, Integer agentsOnline, boolean verified,
            String outOfHours) {
    }

    /** The recorded "Did that help?" ({@code CONFIRMED} or {@code NOT_HELPFUL}); {@code message} is the hand-over notice. */
    record FeedbackRecorded(UUID messageId, String verdict, String status, MessagePayload message) {
    }

    static long cursorOf(List<MessagePayload> messages, long fallback) {
        return messages.isEmpty() ? fallback : messages.getLast().seq();
    }
}
