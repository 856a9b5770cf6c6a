package dev.parley.channel.web;

import dev.parley.conversation.Conversation;
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

    record State(UUID conversationId, String status, String customerName, String customerEmail, long agentReadSeq) {

        static State of(Conversation c, long agentReadSeq) {
            return new State(c.id(), c.status().name(), c.customer().name(), c.customer().email(), agentReadSeq);
        }
    }

    static long cursorOf(List<MessagePayload> messages, long fallback) {
        return messages.isEmpty() ? fallback : messages.getLast().seq();
    }
}
