package dev.parley.conversation;

import java.util.Optional;

/**
 * The stored customer message, the reply the assistant gave at once (if it did) and where the
 * conversation now stands. {@code replayed} is true when the message was a retry of one already stored.
 */
public record CustomerMessageResult(Message message, Optional<Message> reply, Conversation conversation,
        boolean replayed) {
}
