package dev.parley.sla.internal;

import dev.parley.conversation.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per conversation handed to people: its due times and when each was met or breached. */
@Repository
public class SlaClockRepository {

    private static final String COLUMNS = """
            conversation_id, priority, team_id, started_at, first_response_due, first_response_at,
            first_response_breached_at, resolution_due, resolved_at, resolution_breached_at""";

    private final JdbcClient jdbc;

    public SlaClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID conversationId, Priority priority, UUID teamId, Instant startedAt,
            Instant firstResponseDue, Instant firstResponseAt, Instant firstResponseBreachedAt,
            Instant resolutionDue, Instant resolvedAt, Instant resolutionBreachedAt) {
    }

    /** Starts the clock once; false when it was already running. */
    public boolean start(UUID conversationId, String channel, Instant createdAt, Priority priority, UUID teamId,
            Instant startedAt, Instant firstResponseDue, Instant resolutionDue) {
        return jdbc.sql("""
                INSERT INTO sla_clock (conversation_id, channel, conversation_created_at, priority, team_id, started_at,
                    first_response_due, resolution_due)
                VALUES (:c, :ch, :cr, :p, :t, :s, :f, :r) ON CONFLICT DO NOTHING""")
                .param("c", conversationId).param("ch", channel).param("cr", time(createdAt))
                .param("p", priority.name()).param("t", teamId)
                .param("s", time(startedAt)).param("f", time(firstResponseDue)).param("r", time(resolutionDue))
                .update() > 0;
    }

    public Optional<Row> find(UUID conversationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE conversation_id = :c")
                .param("c", conversationId).query(SlaClockRepository::map).optional();
    }

    public List<Row> findAll(Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock WHERE conversation_id IN (:ids)")
                .param("ids", conversationIds).query(SlaClockRepository::map).list();
    }

    /** New targets for a clock whose priority or team changed; a target already met keeps its due time. */
    public void retarget(UUID conversationId, Priority priority, UUID teamId, Instant firstResponseDue,
            Instant resolutionDue) {
        jdbc.sql("""
                UPDATE sla_clock SET priority = :p, team_id = :t,
                    first_response_due = CASE WHEN first_response_at IS NULL THEN :f ELSE first_response_due END,
                    first_response_breached_at = CASE WHEN first_response_at IS NULL THEN NULL
                        ELSE first_response_breached_at END,
                    resolution_due = CASE WHEN resolved_at IS NULL THEN :r ELSE resolution_due END,
                    resolution_breached_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE resolution_breached_at END
                WHERE conversation_id = :c""")
                .param("c", conversationId).param("p", priority.name()).param("t", teamId)
                .param("f", time(firstResponseDue)).param("r", time(resolutionDue)).update();
    }

    public boolean firstResponded(UUID conversationId, Instant at) {
        return jdbc.sql("UPDATE sla_clock SET first_response_at = :a WHERE conversation_id = :c AND first_response_at IS NULL")
                .param("c", conversationId).param("a", time(at)).update() > 0;
    }

    public boolean resolved(UUID conversationId, Instant at) {
        return jdbc.sql("UPDATE sla_clock SET resolved_at = :a WHERE conversation_id = :c AND resolved_at IS NULL")
                .param("c", conversationId).param("a", time(at)).update() > 0;
    }

    /** Clocks whose first response is overdue at {@code now} and not yet recorded as breached. */
    public List<Row> firstResponseOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock " + """
                WHERE first_response_at IS NULL AND first_response_breached_at IS NULL
                    AND first_response_due < :n ORDER BY first_response_due LIMIT :l""")
                .param("n", time(now)).param("l", limit).query(SlaClockRepository::map).list();
    }

    public List<Row> resolutionOverdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sla_clock " + """
                WHERE resolved_at IS NULL AND resolution_breached_at IS NULL
                    AND resolution_due < :n ORDER BY resolution_due LIMIT :l""")
                .param("n", time(now)).param("l", limit).query(SlaClockRepository::map).list();
    }

    /** Records a breach once: false when another node (or an earlier run) already did. */
    public boolean markFirstResponseBreached(UUID conversationId, Instant due) {
        return jdbc.sql("""
                UPDATE sla_clock SET first_response_breached_at = first_response_due WHERE conversation_id = :c
                    AND first_response_breached_at IS NULL AND first_response_at IS NULL AND first_response_due = :d""")
                .param("c", conversationId).param("d", time(due)).update() > 0;
    }

    public boolean markResolutionBreached(UUID conversationId, Instant due) {
        return jdbc.sql("""
                UPDATE sla_clock SET resolution_breached_at = resolution_due WHERE conversation_id = :c
                    AND resolution_breached_at IS NULL AND resolved_at IS NULL AND resolution_due = :d""")
                .param("c", conversationId).param("d", time(due)).update() > 0;
    }

    /** Targets met and breached over conversations created in [from, to), optionally of one channel or team. */
    public record Compliance(long firstMet, long firstBreached, long resolutionMet, long resolutionBreached) {
    }

    public Compliance compliance(Instant from, Instant to, String channel, UUID teamId, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE conversation_created_at >= :from AND conversation_created_at < :to");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", time(from));
        params.put("to", time(to));
        params.put("now", time(now));
        if (channel != null && !channel.isBlank()) {
            where.append(" AND channel = :channel");
            params.put("channel", channel);
        }
        if (teamId != null) {
            where.append(" AND team_id = :team");
            params.put("team", teamId);
        }
        return jdbc.sql("""
                SELECT
                  SUM(CASE WHEN first_response_due IS NOT NULL AND first_response_at IS NOT NULL
                      AND first_response_at <= first_response_due THEN 1 ELSE 0 END) AS first_met,
                  SUM(CASE WHEN first_response_due IS NOT NULL AND ((first_response_at IS NOT NULL
                      AND first_response_at > first_response_due) OR (first_response_at IS NULL
                      AND first_response_due <= :now)) THEN 1 ELSE 0 END) AS first_breached,
                  SUM(CASE WHEN resolution_due IS NOT NULL AND resolved_at IS NOT NULL
                      AND resolved_at <= resolution_due THEN 1 ELSE 0 END) AS resolution_met,
                  SUM(CASE WHEN resolution_due IS NOT NULL AND ((resolved_at IS NOT NULL
                      AND resolved_at > resolution_due) OR (resolved_at IS NULL
                      AND resolution_due <= :now)) THEN 1 ELSE 0 END) AS resolution_breached
                FROM sla_clock""" + where)
                .params(params)
                .query((rs, n) -> new Compliance(rs.getLong("first_met"), rs.getLong("first_breached"),
                        rs.getLong("resolution_met"), rs.getLong("resolution_breached")))
                .single();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("conversation_id", UUID.class), Priority.valueOf(rs.getString("priority")),
                rs.getObject("team_id", UUID.class), instant(rs, "started_at"), instant(rs, "first_response_due"),
                instant(rs, "first_response_at"), instant(rs, "first_response_breached_at"),
                instant(rs, "resolution_due"), instant(rs, "resolved_at"), instant(rs, "resolution_breached_at"));
    }
}
