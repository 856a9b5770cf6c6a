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
    private final SlaDailyRollup rollup;

    public SlaClockRepository(JdbcClient jdbc, SlaDailyRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
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
                UPDATE sla_clock SET priority = :p, team_id = :t, rolled_up = FALSE,
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
        return jdbc.sql("UPDATE sla_clock SET first_response_at = :a, rolled_up = FALSE WHERE conversation_id = :c AND first_response_at IS NULL")
                .param("c", conversationId).param("a", time(at)).update() > 0;
    }

    public boolean resolved(UUID conversationId, Instant at) {
        return jdbc.sql("UPDATE sla_clock SET resolved_at = :a, rolled_up = FALSE WHERE conversation_id = :c AND resolved_at IS NULL")
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
                UPDATE sla_clock SET first_response_breached_at = first_response_due, rolled_up = FALSE WHERE conversation_id = :c
                    AND first_response_breached_at IS NULL AND first_response_at IS NULL AND first_response_due = :d""")
                .param("c", conversationId).param("d", time(due)).update() > 0;
    }

    public boolean markResolutionBreached(UUID conversationId, Instant due) {
        return jdbc.sql("""
                UPDATE sla_clock SET resolution_breached_at = resolution_due, rolled_up = FALSE WHERE conversation_id = :c
                    AND resolution_breached_at IS NULL AND resolved_at IS NULL AND resolution_due = :d""")
                .param("c", conversationId).param("d", time(due)).update() > 0;
    }

    /** Targets met and breached over conversations created in [from, to), optionally of one channel or team. */
    public record Compliance(long firstMet, long firstBreached, long resolutionMet, long resolutionBreached) {

        Compliance plus(Compliance other) {
            return new Compliance(firstMet + other.firstMet, firstBreached + other.firstBreached,
                    resolutionMet + other.resolutionMet, resolutionBreached + other.resolutionBreached);
        }
    }

    public Compliance compliance(Instant from, Instant to, String channel, UUID teamId, Instant now) {
        return rollup.settled(from, to, channel, teamId).plus(running(from, to, channel, teamId, now));
    }

    /**
     * Clocks whose target has no outcome yet: breached when their due time has passed (the sweep records it within
     * a minute; until then it counts here), else not counted. Few rows: only conversations still waiting.
     */
    private Compliance running(Instant from, Instant to, String channel, UUID teamId, Instant now) {
        long first = runningBreached("first_response_due", "first_response_at", "first_response_breached_at",
                from, to, channel, teamId, now);
        long resolution = runningBreached("resolution_due", "resolved_at", "resolution_breached_at",
                from, to, channel, teamId, now);
        return new Compliance(0, first, 0, resolution);
    }

    private long runningBreached(String due, String at, String breachedAt, Instant from, Instant to, String channel,
            UUID teamId, Instant now) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM sla_clock WHERE " + at + " IS NULL AND "
                + breachedAt + " IS NULL AND conversation_created_at >= :from AND conversation_created_at < :to AND "
                + due + " IS NOT NULL AND " + due + " <= :now");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("from", time(from));
        params.put("to", time(to));
        params.put("now", time(now));
        if (channel != null && !channel.isBlank()) {
            sql.append(" AND channel = :channel");
            params.put("channel", channel);
        }
        if (teamId != null) {
            sql.append(" AND team_id = :team");
            params.put("team", teamId);
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
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
