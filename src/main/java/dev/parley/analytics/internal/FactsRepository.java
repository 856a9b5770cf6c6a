package dev.parley.analytics.internal;

import dev.parley.encryption.Encryption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes to the per-conversation analytics projection. Every update touches one conversation's row, and can be run
 * again: a count goes up once per message or model call ({@code analytics_counted} remembers which were counted).
 */
@Repository
class FactsRepository {

    private final JdbcClient jdbc;
    private final Encryption encryption;

    FactsRepository(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    /** Starts the conversation's row; false when it was there already. */
    boolean started(UUID id, String channel, Instant at) {
        return jdbc.sql("""
                INSERT INTO analytics_conversation (conversation_id, channel, created_at, created_day)
                VALUES (:id, :channel, :at, :day) ON CONFLICT DO NOTHING""")
                .param("id", id).param("channel", channel).param("at", at.atOffset(ZoneOffset.UTC))
                .param("day", LocalDate.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    void customerMessage(UUID id, UUID messageId, String question) {
        if (!firstCount(messageId, id)) {
            return;
        }
        jdbc.sql("""
                UPDATE analytics_conversation SET messages = messages + 1, customer_messages = customer_messages + 1,
                    first_question = COALESCE(first_question, :q), last_question = :q,
                    unanswered_question = CASE WHEN escalated AND unanswered_question IS NULL
                        AND escalation_reason IN ('LOW_CONFIDENCE', 'NO_KNOWLEDGE') THEN :q ELSE unanswered_question END
                WHERE conversation_id = :id""")
                .param("id", id).param("q", encryption.encrypt(question, QuestionColumns.PURPOSE)).update();
    }

    void reply(UUID id, UUID messageId, Instant at) {
        if (!firstCount(messageId, id)) {
            return;
        }
        jdbc.sql("""
                UPDATE analytics_conversation SET messages = messages + 1,
                    first_response_seconds = CASE WHEN first_response_seconds IS NULL OR first_response_seconds > :seconds
                        THEN :seconds ELSE first_response_seconds END
                WHERE conversation_id = :id""")
                .param("id", id).param("seconds", secondsSinceCreation(id, at)).update();
    }

    /** A new AI resolution: its feedback is undecided again, and its durability is due a window from now. */
    void aiAnswered(UUID id, Instant at, Instant durableDue) {
        jdbc.sql("""
                UPDATE analytics_conversation SET ai_answered = TRUE, resolution_seconds = :s,
                    ai_resolution = CASE WHEN ai_resolution_at >= :at THEN ai_resolution ELSE NULL END,
                    ai_resolved_at = :at,
                    durable_due_at = CASE WHEN reopened OR durable THEN NULL ELSE :due END
                WHERE conversation_id = :id""")
                .param("id", id).param("s", secondsSinceCreation(id, at)).param("at", at.atOffset(ZoneOffset.UTC))
                .param("due", durableDue.atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * The customer wrote again before the AI resolution's window ended: it was not durable. Listeners run
     * concurrently, so the reopen may arrive before the AI resolution it ends was projected ({@code ai_resolved_at}
     * still empty): it counts too, and that resolution then gets no window.
     */
    void reopened(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE analytics_conversation SET reopened = TRUE, durable_due_at = NULL
                WHERE conversation_id = :id
                  AND (durable_due_at > :at OR (ai_resolved_at IS NULL AND durable_due_at IS NULL AND NOT durable))""")
                .param("id", id).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    /** The verdict on the latest AI answer; one older than that answer (arriving late) is about an earlier one. */
    void aiResolution(UUID id, String verdict, Instant at) {
        jdbc.sql("""
                UPDATE analytics_conversation SET ai_resolution = :v, ai_resolution_at = :at
                WHERE conversation_id = :id AND (ai_resolved_at IS NULL OR ai_resolved_at <= :at)""")
                .param("id", id).param("v", verdict).param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    /** Conversations whose durability window is over (oldest first). */
    java.util.List<UUID> durableDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT conversation_id FROM analytics_conversation WHERE durable_due_at <= :now
                ORDER BY durable_due_at FETCH FIRST :limit ROWS ONLY""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("limit", limit).query(UUID.class).list();
    }

    /** The window passed without a reopen: durable, if the assistant's resolution still stands. */
    void settleDurable(UUID id, Instant now) {
        jdbc.sql("""
                UPDATE analytics_conversation SET durable = (ai_answered AND NOT escalated AND NOT taken_over), durable_due_at = NULL
                WHERE conversation_id = :id AND durable_due_at <= :now""")
                .param("id", id).param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    void resolved(UUID id, Instant at) {
        jdbc.sql("UPDATE analytics_conversation SET resolution_seconds = :s, person_resolution_seconds = :s"
                + " WHERE conversation_id = :id")
                .param("id", id).param("s", secondsSinceCreation(id, at)).update();
    }

    /** The first escalation decides the reason; a knowledge gap remembers the question that fell into it. */
    void escalated(UUID id, String reason, boolean knowledgeGap) {
        jdbc.sql("""
                UPDATE analytics_conversation SET escalated = TRUE,
                    escalation_reason = COALESCE(escalation_reason, :reason),
                    unanswered_question = CASE WHEN :gap AND unanswered_question IS NULL THEN last_question
                                               ELSE unanswered_question END
                WHERE conversation_id = :id""")
                .param("id", id).param("reason", reason).param("gap", knowledgeGap).update();
    }

    void addUsage(UUID id, UUID callId, long tokens, double costUsd) {
        if (!firstCount(callId, id)) {
            return;
        }
        jdbc.sql("UPDATE analytics_conversation SET tokens = tokens + :t, cost_usd = cost_usd + :c WHERE conversation_id = :id")
                .param("id", id).param("t", tokens).param("c", costUsd).update();
    }

    void rated(UUID id, int rating) {
        jdbc.sql("UPDATE analytics_conversation SET csat = :r WHERE conversation_id = :id")
                .param("id", id).param("r", rating).update();
    }

    Optional<FactsRow> load(UUID id) {
        return load(id, "");
    }

    /** Loads the row and keeps it locked until the transaction ends: updates of one conversation take turns. */
    Optional<FactsRow> lock(UUID id) {
        return load(id, " FOR UPDATE");
    }

    /** Remembers that {@code countedId} (a message, a model call) was counted; false when it already was. */
    private boolean firstCount(UUID countedId, UUID conversationId) {
        return jdbc.sql("INSERT INTO analytics_counted (counted_id, conversation_id) VALUES (:k, :c) ON CONFLICT DO NOTHING")
                .param("k", countedId).param("c", conversationId).update() == 1;
    }

    private Optional<FactsRow> load(UUID id, String lock) {
        return jdbc.sql("""
                SELECT conversation_id, channel, created_day, messages, ai_answered, escalated, escalation_reason,
                    first_response_seconds, resolution_seconds, csat, tokens, cost_usd, ai_resolution, durable,
                    taken_over, human_response_seconds, queue_wait_seconds, person_resolution_seconds, agent_id, inbox_id, category, priority
                FROM analytics_conversation WHERE conversation_id = :id""" + lock)
                .param("id", id)
                .query((rs, row) -> new FactsRow(rs.getObject("conversation_id", UUID.class), rs.getString("channel"),
                        rs.getObject("created_day", LocalDate.class), rs.getLong("messages"),
                        rs.getBoolean("ai_answered"), rs.getBoolean("escalated"), rs.getString("escalation_reason"),
                        rs.getObject("first_response_seconds", Long.class), rs.getObject("resolution_seconds", Long.class),
                        rs.getObject("csat", Integer.class), rs.getLong("tokens"), rs.getDouble("cost_usd"),
                        rs.getString("ai_resolution"), rs.getBoolean("durable"), new FactsRow.People(
                                rs.getBoolean("taken_over"), rs.getObject("human_response_seconds", Long.class),
                                rs.getObject("queue_wait_seconds", Long.class),
                                rs.getObject("person_resolution_seconds", Long.class), rs.getObject("agent_id", UUID.class),
                                rs.getObject("inbox_id", UUID.class), rs.getString("category"),
                                rs.getString("priority"))))
                .optional();
    }

    private long secondsSinceCreation(UUID id, Instant at) {
        Instant created = jdbc.sql("SELECT created_at FROM analytics_conversation WHERE conversation_id = :id")
                .param("id", id).query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                .optional().orElse(at);
        return Math.max(0, at.getEpochSecond() - created.getEpochSecond());
    }
}
