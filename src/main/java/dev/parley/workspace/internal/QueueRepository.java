package dev.parley.workspace.internal;

import static dev.parley.workspace.internal.PresenceRepository.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waiting queue, oldest first, and the row lock that serialises assignment decisions. */
@Repository
public class QueueRepository {

    private final JdbcClient jdbc;

    public QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(UUID conversationId, Instant waitingSince) {
    }

    /** Blocks until this transaction alone may assign; released at commit or rollback. */
    public void lockAssignment() {
        jdbc.sql("SELECT id FROM assignment_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /** Adds a conversation unless it already waits; returns whether it was added. */
    public boolean add(UUID conversationId, Instant waitingSince) {
        return jdbc.sql("INSERT INTO waiting_queue (conversation_id, waiting_since) VALUES (:c, :t) ON CONFLICT DO NOTHING")
                .param("c", conversationId).param("t", time(waitingSince)).update() > 0;
    }

    public boolean remove(UUID conversationId) {
        return jdbc.sql("DELETE FROM waiting_queue WHERE conversation_id = :c").param("c", conversationId).update() > 0;
    }

    public List<Entry> ordered() {
        return jdbc.sql("SELECT conversation_id, waiting_since FROM waiting_queue ORDER BY waiting_since, queue_seq")
                .query(QueueRepository::entry)
                .list();
    }

    /** The oldest {@code limit} waiting conversations, in queue order. */
    public List<Entry> first(int limit) {
        return jdbc.sql("""
                SELECT conversation_id, waiting_since FROM waiting_queue
                ORDER BY waiting_since, queue_seq FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit)
                .query(QueueRepository::entry)
                .list();
    }

    /** The conversation's 1-based place in the queue, counted on the queue's index; empty when it does not wait. */
    public Optional<Integer> position(UUID conversationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM waiting_queue me JOIN waiting_queue q ON q.waiting_since <= me.waiting_since
                    AND (q.waiting_since < me.waiting_since OR q.queue_seq <= me.queue_seq)
                WHERE me.conversation_id = :c""")
                .param("c", conversationId)
                .query(Integer.class).optional()
                .filter(position -> position > 0);
    }

    public int length() {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_queue").query(Integer.class).single();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getObject("conversation_id", UUID.class),
                rs.getObject("waiting_since", OffsetDateTime.class).toInstant());
    }

    public boolean contains(UUID conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_queue WHERE conversation_id = :c").param("c", conversationId)
                .query(Long.class).single() > 0;
    }
}
