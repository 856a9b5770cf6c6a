package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which inbound messages were taken already, and the thread keys that find a conversation in an inbox. */
@Repository
public class ThreadRepository {

    private final JdbcClient jdbc;

    public ThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UUID> inboundMessage(UUID inboxId, String externalId) {
        return jdbc.sql("SELECT message_id FROM inbound_message WHERE inbox_id = :inbox AND external_id = :ext")
                .param("inbox", inboxId).param("ext", externalId).query(UUID.class).optional();
    }

    public void recordInbound(UUID inboxId, String externalId, UUID messageId) {
        jdbc.sql("INSERT INTO inbound_message (inbox_id, external_id, message_id) VALUES (:inbox, :ext, :m)")
                .param("inbox", inboxId).param("ext", externalId).param("m", messageId).update();
    }

    /** The newest conversation any of the keys belongs to. */
    public Optional<UUID> conversationOf(UUID inboxId, List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT t.conversation_id FROM conversation_thread t JOIN conversation c ON c.id = t.conversation_id
                WHERE t.inbox_id = :inbox AND t.thread_key IN (:keys)
                ORDER BY c.created_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param("inbox", inboxId).param("keys", keys).query(UUID.class).optional();
    }

    /**
     * Adds a key unless the inbox has it already: the first conversation keeps it while it is open; a key of a
     * closed conversation moves to the new one (a phone number's or contact's thread starts again).
     */
    public void addKey(UUID inboxId, String key, UUID conversationId, Instant now) {
        if (key == null || key.isBlank()) {
            return;
        }
        Optional<UUID> owner = conversationOf(inboxId, List.of(key));
        if (owner.isPresent()) {
            jdbc.sql("""
                    UPDATE conversation_thread SET conversation_id = :c, created_at = :at
                    WHERE inbox_id = :inbox AND thread_key = :key AND conversation_id <> :c
                      AND conversation_id IN (SELECT id FROM conversation WHERE status = 'CLOSED')""")
                    .param("c", conversationId).param("at", toTimestamp(now)).param("inbox", inboxId)
                    .param("key", key.length() > 500 ? key.substring(0, 500) : key).update();
            return;
        }
        try {
            jdbc.sql("INSERT INTO conversation_thread (inbox_id, thread_key, conversation_id, created_at)"
                            + " VALUES (:inbox, :key, :c, :at)")
                    .param("inbox", inboxId).param("key", key.length() > 500 ? key.substring(0, 500) : key)
                    .param("c", conversationId).param("at", toTimestamp(now)).update();
        } catch (DuplicateKeyException raced) {
            // Recorded a moment ago by another message of the same thread.
        }
    }

    public List<String> keys(UUID conversationId) {
        return jdbc.sql("SELECT thread_key FROM conversation_thread WHERE conversation_id = :c ORDER BY created_at")
                .param("c", conversationId).query(String.class).list();
    }
}
