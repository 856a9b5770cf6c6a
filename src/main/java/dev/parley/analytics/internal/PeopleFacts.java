package dev.parley.analytics.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people side of a conversation's facts: who took it over and held it, and how long its customer waited for a
 * person. Each event keeps the earliest time it saw (escalation, first agent reply, pick-up) and the waits are derived
 * from those, so events of one conversation may arrive in any order, or twice, and give the same figures.
 */
@Repository
class PeopleFacts {

    private final JdbcClient jdbc;

    PeopleFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void escalated(UUID id, Instant at) {
        update(id, at, "escalated_at = " + earliest("escalated_at"));
    }

    /** A visible agent reply: the conversation is a person's now, and picked up if it was not yet. */
    void agentReplied(UUID id, Instant at) {
        update(id, at, "taken_over = TRUE, first_agent_reply_at = " + earliest("first_agent_reply_at")
                + ", picked_up_at = " + earliest("picked_up_at"));
    }

    /** Moved to a status only a person works in (in progress, waiting on the customer). */
    void takenOver(UUID id) {
        jdbc.sql("UPDATE analytics_conversation SET taken_over = TRUE WHERE conversation_id = :id").param("id", id)
                .update();
    }

    /** Assigned to an agent: picked up, and the agent it counts for unless a later assignment was seen already. */
    void assigned(UUID id, UUID agentId, Instant at) {
        update(id, at, "picked_up_at = " + earliest("picked_up_at") + """
                , agent_id = CASE WHEN agent_assigned_at IS NULL OR agent_assigned_at <= :at THEN :agent ELSE agent_id END,
                agent_assigned_at = CASE WHEN agent_assigned_at IS NULL OR agent_assigned_at <= :at THEN :at
                    ELSE agent_assigned_at END""", "agent", agentId);
    }

    /** The conversation's inbox, category and priority as they are now. */
    void details(UUID id, UUID inboxId, String category, String priority) {
        jdbc.sql("UPDATE analytics_conversation SET inbox_id = :inbox, category = :category, priority = :priority"
                + " WHERE conversation_id = :id")
                .param("id", id).param("inbox", inboxId).param("category", category).param("priority", priority)
                .update();
    }

    private void update(UUID id, Instant at, String assignments) {
        update(id, at, assignments, null, null);
    }

    private void update(UUID id, Instant at, String assignments, String name, Object value) {
        var sql = jdbc.sql("UPDATE analytics_conversation SET " + assignments + " WHERE conversation_id = :id")
                .param("id", id).param("at", at.atOffset(ZoneOffset.UTC));
        (name == null ? sql : sql.param(name, value)).update();
        deriveWaits(id);
    }

    /**
     * Human first response: first escalation to the first agent reply, when that reply came after it (a person who
     * answered before any escalation was not waited for). Queue wait: first escalation to the first pick-up; 0 when
     * an agent already had the conversation.
     */
    private void deriveWaits(UUID id) {
        Instant[] times = jdbc.sql("SELECT escalated_at, first_agent_reply_at, picked_up_at FROM analytics_conversation"
                + " WHERE conversation_id = :id")
                .param("id", id)
                .query((rs, row) -> new Instant[] {instant(rs.getObject(1, OffsetDateTime.class)),
                    instant(rs.getObject(2, OffsetDateTime.class)), instant(rs.getObject(3, OffsetDateTime.class))})
                .optional().orElse(null);
        if (times == null || times[0] == null) {
            return;
        }
        Instant escalated = times[0];
        Long human = times[1] == null || times[1].isBefore(escalated) ? null
                : times[1].getEpochSecond() - escalated.getEpochSecond();
        Long wait = times[2] == null ? null : Math.max(0, times[2].getEpochSecond() - escalated.getEpochSecond());
        jdbc.sql("UPDATE analytics_conversation SET human_response_seconds = :human, queue_wait_seconds = :wait"
                + " WHERE conversation_id = :id")
                .param("id", id).param("human", human, java.sql.Types.BIGINT).param("wait", wait, java.sql.Types.BIGINT)
                .update();
    }

    private static String earliest(String column) {
        return "CASE WHEN " + column + " IS NULL OR " + column + " > :at THEN :at ELSE " + column + " END";
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
