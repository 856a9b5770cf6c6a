package dev.parley.channel.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** widget_email_followup rows: what of a chat conversation waits to be mailed, and what was mailed. */
@Repository
class FollowUpRepository {

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record FollowUp(UUID conversationId, long lastMailedSeq, long pendingSeq, Instant dueAt) {
    }

    /** A visible reply was posted: it waits, and the conversation falls due at {@code dueAt} unless due earlier. */
    void replyPosted(UUID conversationId, long seq, Instant dueAt) {
        if (update(conversationId, seq, dueAt) > 0) {
            return;
        }
        // No row, or one this reply does not advance, or another listener's row that appeared since the update (an
        // "exists" check here lost that reply). ON CONFLICT rather than catching the duplicate key: on PostgreSQL a
        // failed insert aborts the listener's transaction, so the update after it failed too, and the listener.
        int inserted = jdbc.sql("""
                INSERT INTO widget_email_followup (conversation_id, last_mailed_seq, pending_seq, due_at)
                VALUES (:c, 0, :seq, :due) ON CONFLICT DO NOTHING""").param("c", conversationId).param("seq", seq)
                .param("due", ts(dueAt)).update();
        if (inserted == 0) {
            update(conversationId, seq, dueAt);
        }
    }

    private int update(UUID conversationId, long seq, Instant dueAt) {
        return jdbc.sql("""
                UPDATE widget_email_followup SET pending_seq = :seq,
                    due_at = CASE WHEN due_at IS NULL OR due_at > :due THEN :due ELSE due_at END
                WHERE conversation_id = :c AND pending_seq < :seq AND last_mailed_seq < :seq""")
                .param("c", conversationId).param("seq", seq).param("due", ts(dueAt)).update();
    }

    List<FollowUp> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT conversation_id, last_mailed_seq, pending_seq, due_at FROM widget_email_followup
                WHERE due_at IS NOT NULL AND due_at <= :now ORDER BY due_at FETCH FIRST :limit ROWS ONLY""")
                .param("now", ts(now)).param("limit", limit)
                .query((rs, i) -> new FollowUp(rs.getObject("conversation_id", UUID.class), rs.getLong("last_mailed_seq"),
                        rs.getLong("pending_seq"), rs.getObject("due_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long lastMailedSeq(UUID conversationId) {
        return jdbc.sql("SELECT last_mailed_seq FROM widget_email_followup WHERE conversation_id = :c")
                .param("c", conversationId).query(Long.class).optional().orElse(0L);
    }

    /** Replies up to {@code seq} were mailed; {@code nextDue} is when the next unmailed one falls due, if any. */
    void mailed(UUID conversationId, long seq, Instant at, Instant nextDue) {
        jdbc.sql("""
                UPDATE widget_email_followup SET last_mailed_seq = :seq, mailed_at = :at, due_at = :next
                WHERE conversation_id = :c""").param("c", conversationId).param("seq", seq).param("at", ts(at))
                .param("next", ts(nextDue)).update();
    }

    /** Nothing to mail now (read, closed, no address); {@code nextDue} when a later reply still waits. */
    void reschedule(UUID conversationId, Instant nextDue) {
        jdbc.sql("UPDATE widget_email_followup SET due_at = :next WHERE conversation_id = :c")
                .param("c", conversationId).param("next", ts(nextDue)).update();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
