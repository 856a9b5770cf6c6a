package dev.parley.workspace.internal;

import static dev.parley.workspace.internal.PresenceRepository.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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
                .query((rs, i) -> new Entry(rs.getObject("conversation_id", UUID.class),
                        rs.getObject("waiting_since", OffsetDateTime.class).toInstant()))
                .list();
    }

    public boolean contains(UUID conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM waiting_queue WHERE conversation_id = :c").param("c", conversationId)
                .query(Long.class).single() > 0;
    }
}
