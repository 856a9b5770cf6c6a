package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.PersonalTexts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which inbound messages were taken already, and the thread keys that find a conversation in an inbox. A thread key
 * can be a customer's phone number ({@code phone:+…}, {@code wa:…}), so it is stored sealed beside its lookup hash.
 */
@Repository
public class ThreadRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;

    public ThreadRepository(JdbcClient jdbc, PersonalTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
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
        return rows(inboxId, keys).stream().findFirst().map(ThreadRow::conversationId);
    }

    /**
     * Adds a key unless the inbox has it already: the first conversation keeps it while it is open; a key of a
     * closed conversation moves to the new one (a phone number's or contact's thread starts again).
     */
    public void addKey(UUID inboxId, String key, UUID conversationId, Instant now) {
        if (key == null || key.isBlank()) {
            return;
        }
        String stored = PersonalTexts.threadKey(key);
        Optional<ThreadRow> owner = rows(inboxId, List.of(stored)).stream().findFirst();
        if (owner.isPresent()) {
            jdbc.sql("""
                    UPDATE conversation_thread SET conversation_id = :c, created_at = :at
                    WHERE id = :id AND conversation_id <> :c
                      AND conversation_id IN (SELECT id FROM conversation WHERE status = 'CLOSED')""")
                    .param("c", conversationId).param("at", toTimestamp(now)).param("id", owner.get().id()).update();
            return;
        }
        try {
            jdbc.sql("INSERT INTO conversation_thread (inbox_id, thread_key, key_hash, conversation_id, created_at)"
                            + " VALUES (:inbox, :key, :hash, :c, :at)")
                    .param("inbox", inboxId).param("key", texts.seal(stored, PersonalTexts.THREAD_KEY))
                    .param("hash", texts.threadKeyHash(stored))
                    .param("c", conversationId).param("at", toTimestamp(now)).update();
        } catch (DuplicateKeyException raced) {
            // Recorded a moment ago by another message of the same thread.
        }
    }

    /**
     * The inbox's rows holding any of the keys, newest conversation first: found by the keys' lookup hashes under
     * every key of the ring, or, for rows from before V881 that the background pass has not hashed yet, by the plain
     * key.
     */
    private List<ThreadRow> rows(UUID inboxId, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> stored = keys.stream().map(PersonalTexts::threadKey).distinct().toList();
        List<String> hashes = stored.stream().flatMap(k -> texts.threadKeyHashes(k).stream()).toList();
        return jdbc.sql("""
                SELECT t.id, t.conversation_id FROM conversation_thread t JOIN conversation c ON c.id = t.conversation_id
                WHERE t.inbox_id = :inbox
                  AND (t.key_hash IN (:hashes) OR (t.key_hash IS NULL AND t.thread_key IN (:keys)))
                ORDER BY c.created_at DESC, t.id DESC""")
                .param("inbox", inboxId).param("hashes", hashes).param("keys", stored)
                .query((rs, i) -> new ThreadRow(rs.getLong("id"), rs.getObject("conversation_id", UUID.class)))
                .list();
    }

    private record ThreadRow(long id, UUID conversationId) {
    }

    /** Every key of the inbox that names {@code from} names {@code to} from now on: the thread goes on there. */
    public void moveKeys(UUID inboxId, UUID from, UUID to) {
        jdbc.sql("UPDATE conversation_thread SET conversation_id = :to"
                        + " WHERE inbox_id = :inbox AND conversation_id = :from")
                .param("to", to).param("inbox", inboxId).param("from", from).update();
    }

    public List<String> keys(UUID conversationId) {
        return jdbc.sql("SELECT thread_key FROM conversation_thread WHERE conversation_id = :c ORDER BY created_at, id")
                .param("c", conversationId).query(String.class).list().stream()
                .map(key -> texts.open(key, PersonalTexts.THREAD_KEY)).toList();
    }
}
