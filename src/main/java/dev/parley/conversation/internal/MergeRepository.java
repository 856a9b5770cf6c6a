package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Moves one conversation's messages (with their attachments, deliveries, answer feedback), thread keys and tags to
 * another, and records the merge. Messages keep their sequence numbers, which the database hands out in the order
 * messages arrive, so the merged transcript reads in time order.
 */
@Repository
public class MergeRepository {

    private final JdbcClient jdbc;

    private final SearchTerms terms;

    public MergeRepository(JdbcClient jdbc, SearchTerms terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    public Optional<UUID> mergedInto(UUID sourceId) {
        return jdbc.sql("SELECT target_id FROM conversation_merge WHERE source_id = :s").param("s", sourceId)
                .query(UUID.class).optional();
    }

    /** Moves everything and returns how many messages moved. Called with both conversations locked. */
    public int move(UUID sourceId, UUID targetId) {
        // The widget's own ids only de-duplicate resends within one conversation; the merged one takes no more.
        int moved = jdbc.sql("UPDATE message SET conversation_id = :t, client_message_id = NULL WHERE conversation_id = :s")
                .param("s", sourceId).param("t", targetId).update();
        for (String table : new String[] {"message_delivery", "answer_feedback", "conversation_thread"}) {
            jdbc.sql("UPDATE " + table + " SET conversation_id = :t WHERE conversation_id = :s")
                    .param("s", sourceId).param("t", targetId).update();
        }
        jdbc.sql("""
                INSERT INTO conversation_tag (conversation_id, tag_id, added_by, added_at)
                SELECT :t, s.tag_id, s.added_by, s.added_at FROM conversation_tag s
                WHERE s.conversation_id = :s AND NOT EXISTS
                    (SELECT 1 FROM conversation_tag x WHERE x.conversation_id = :t AND x.tag_id = s.tag_id)""")
                .param("s", sourceId).param("t", targetId).update();
        jdbc.sql("""
                UPDATE conversation SET last_customer_message_at = (SELECT MAX(m.created_at) FROM message m
                    WHERE m.conversation_id = :t AND m.author_type = 'CUSTOMER'),
                  waiting_since = (SELECT MAX(m.created_at) FROM message m
                    WHERE m.conversation_id = :t AND m.author_type = 'CUSTOMER')
                WHERE id = :t AND EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = :t
                    AND m.author_type = 'CUSTOMER')""")
                .param("t", targetId).update();
        terms.copy(sourceId, targetId);
        return moved;
    }

    public void record(UUID sourceId, UUID targetId, UUID agentId, int movedMessages, Instant now) {
        jdbc.sql("""
                INSERT INTO conversation_merge (source_id, target_id, merged_by, moved_messages, merged_at)
                VALUES (:s, :t, :by, :n, :at)""")
                .param("s", sourceId).param("t", targetId).param("by", agentId).param("n", movedMessages)
                .param("at", toTimestamp(now)).update();
    }
}
