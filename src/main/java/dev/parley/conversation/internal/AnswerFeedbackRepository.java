package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.AnswerVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** "Did that help?" per AI answer: pending until the customer clicks, the timeout assumes, or they write again. */
@Repository
public class AnswerFeedbackRepository {

    static final String PENDING = "PENDING";

    private final JdbcClient jdbc;

    public AnswerFeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID messageId, UUID conversationId, String outcome, Instant answeredAt) {

        public boolean pending() {
            return PENDING.equals(outcome);
        }

        public Optional<AnswerVerdict> verdict() {
            return pending() ? Optional.empty() : Optional.of(AnswerVerdict.valueOf(outcome));
        }
    }

    /** The answer resolved the conversation: it now asks whether it helped (only the latest answer asks). */
    public void ask(UUID conversationId, UUID messageId, Instant answeredAt) {
        dropPending(conversationId);
        jdbc.sql("""
                INSERT INTO answer_feedback (message_id, conversation_id, outcome, answered_at)
                VALUES (:m, :c, 'PENDING', :at)""")
                .param("m", messageId).param("c", conversationId).param("at", toTimestamp(answeredAt)).update();
    }

    public void dropPending(UUID conversationId) {
        jdbc.sql("DELETE FROM answer_feedback WHERE conversation_id = :c AND outcome = 'PENDING'")
                .param("c", conversationId).update();
    }

    public void drop(UUID messageId) {
        jdbc.sql("DELETE FROM answer_feedback WHERE message_id = :m").param("m", messageId).update();
    }

    public Optional<Row> find(UUID conversationId, UUID messageId) {
        return jdbc.sql("""
                SELECT message_id, conversation_id, outcome, answered_at FROM answer_feedback
                WHERE message_id = :m AND conversation_id = :c""")
                .param("m", messageId).param("c", conversationId).query(AnswerFeedbackRepository::map).optional();
    }

    public void decide(UUID messageId, AnswerVerdict verdict, Instant at) {
        jdbc.sql("UPDATE answer_feedback SET outcome = :o, decided_at = :at WHERE message_id = :m")
                .param("o", verdict.name()).param("at", toTimestamp(at)).param("m", messageId).update();
    }

    /** Pending answers given before the cutoff, oldest first. */
    public List<Row> pendingBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT message_id, conversation_id, outcome, answered_at FROM answer_feedback
                WHERE outcome = 'PENDING' AND answered_at < :cutoff ORDER BY answered_at FETCH FIRST :limit ROWS ONLY""")
                .param("cutoff", toTimestamp(cutoff)).param("limit", limit).query(AnswerFeedbackRepository::map).list();
    }

    private static Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Row(rs.getObject("message_id", UUID.class), rs.getObject("conversation_id", UUID.class),
                rs.getString("outcome"), instant(rs, "answered_at"));
    }
}
