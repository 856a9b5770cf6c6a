package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsSummary.DayCount;
import dev.parley.analytics.AnalyticsSummary.Durations;
import dev.parley.encryption.Encryption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates over the per-conversation projection, in SQL that runs on H2 and PostgreSQL. */
@Repository
public class SummaryQueries {

    private static final String WHERE = " " + """
             WHERE created_day BETWEEN :from AND :to
               AND (CAST(:channel AS VARCHAR(32)) IS NULL OR channel = :channel)
               AND (CAST(:team AS UUID) IS NULL OR conversation_id IN (SELECT id FROM conversation WHERE team_id = :team))""";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    SummaryQueries(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    public record Totals(long conversations, long messages, long aiResolved, long escalated, long tokens, double cost,
            long aiConfirmed, long aiAssumed, long aiDurable) {
    }

    /** One agent's conversations with the sums and counts their averages are made of. */
    public record AgentTotals(java.util.UUID agentId, long conversations, long humanResponses, long humanResponseSeconds,
            long resolutions, long resolutionSeconds, long csatResponses, long csatPoints) {
    }

    static final String AGENT_COLUMNS = """
            SELECT agent_id, COUNT(*) AS conversations, COUNT(human_response_seconds) AS human_response_n,
                COALESCE(SUM(human_response_seconds), 0) AS human_response_seconds, COUNT(person_resolution_seconds) AS resolution_n,
                COALESCE(SUM(person_resolution_seconds), 0) AS resolution_seconds, COUNT(csat) AS csat_n,
                COALESCE(SUM(csat), 0) AS csat_points FROM analytics_conversation""";

    /** Conversations per agent (who held them last), most first. */
    public List<AgentTotals> agents(AnalyticsFilter f) {
        return bind(jdbc.sql(AGENT_COLUMNS + WHERE + " AND agent_id IS NOT NULL GROUP BY agent_id"
                + " ORDER BY conversations DESC, agent_id"), f)
                .query((rs, row) -> agentTotals(rs)).list();
    }

    static AgentTotals agentTotals(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AgentTotals(rs.getObject("agent_id", java.util.UUID.class), rs.getLong("conversations"),
                rs.getLong("human_response_n"), rs.getLong("human_response_seconds"), rs.getLong("resolution_n"),
                rs.getLong("resolution_seconds"), rs.getLong("csat_n"), rs.getLong("csat_points"));
    }

    /** Conversations by inbox, category or priority ('' when none), most first. */
    public Map<String, Long> volume(String dimension, AnalyticsFilter f) {
        String column = switch (dimension) {
            case "inbox" -> "CAST(inbox_id AS VARCHAR(64))";
            case "category" -> "category";
            case "priority" -> "priority";
            default -> throw new IllegalArgumentException(dimension);
        };
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql("SELECT COALESCE(" + column + ", '') AS k, COUNT(*) AS n FROM analytics_conversation" + WHERE
                + " GROUP BY COALESCE(" + column + ", '') ORDER BY n DESC, k"), f)
                .query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }

    public Totals totals(AnalyticsFilter f) {
        return bind(jdbc.sql("""
                SELECT COUNT(*) AS conversations, COALESCE(SUM(messages), 0) AS messages,
                    COALESCE(SUM(CASE WHEN ai_answered AND NOT escalated AND NOT taken_over THEN 1 ELSE 0 END), 0) AS ai_resolved,
                    COALESCE(SUM(CASE WHEN escalated THEN 1 ELSE 0 END), 0) AS escalated,
                    COALESCE(SUM(tokens), 0) AS tokens, COALESCE(SUM(cost_usd), 0) AS cost,
                    COALESCE(SUM(CASE WHEN ai_answered AND NOT escalated AND NOT taken_over AND ai_resolution = 'CONFIRMED' THEN 1 ELSE 0 END), 0)
                        AS ai_confirmed,
                    COALESCE(SUM(CASE WHEN ai_answered AND NOT escalated AND NOT taken_over AND ai_resolution = 'ASSUMED' THEN 1 ELSE 0 END), 0)
                        AS ai_assumed,
                    COALESCE(SUM(CASE WHEN ai_answered AND NOT escalated AND NOT taken_over AND durable THEN 1 ELSE 0 END), 0) AS ai_durable
                FROM analytics_conversation""" + WHERE), f)
                .query((rs, row) -> new Totals(rs.getLong("conversations"), rs.getLong("messages"),
                        rs.getLong("ai_resolved"), rs.getLong("escalated"), rs.getLong("tokens"), rs.getDouble("cost"),
                        rs.getLong("ai_confirmed"), rs.getLong("ai_assumed"), rs.getLong("ai_durable")))
                .single();
    }

    public Map<String, Long> countBy(String column, AnalyticsFilter f, String extraCondition) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM analytics_conversation" + WHERE
                + extraCondition + " GROUP BY " + column + " ORDER BY n DESC, k"), f)
                .query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }

    public Durations durations(String column, AnalyticsFilter f) {
        return bind(jdbc.sql("SELECT AVG(CAST(" + column + " AS DOUBLE PRECISION)) AS avg_s, "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + column + ") AS median_s, "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + column + ") AS p90_s, COUNT(" + column + ") AS n "
                + "FROM analytics_conversation" + WHERE + " AND " + column + " IS NOT NULL"), f)
                .query((rs, row) -> new Durations(nullable(rs.getObject("avg_s")), nullable(rs.getObject("median_s")),
                        nullable(rs.getObject("p90_s")), rs.getLong("n")))
                .single();
    }

    public List<DayCount> byDay(AnalyticsFilter f) {
        return new ArrayList<>(bind(jdbc.sql("""
                SELECT created_day, COUNT(*) AS n,
                    SUM(CASE WHEN ai_answered AND NOT escalated AND NOT taken_over THEN 1 ELSE 0 END) AS ai,
                    SUM(CASE WHEN escalated THEN 1 ELSE 0 END) AS esc
                FROM analytics_conversation""" + WHERE + " GROUP BY created_day ORDER BY created_day"), f)
                .query((rs, row) -> new DayCount(rs.getObject("created_day", java.time.LocalDate.class),
                        rs.getLong("n"), rs.getLong("ai"), rs.getLong("esc")))
                .list());
    }

    /**
     * The newest questions kept in {@code column}, opened (one that cannot be is left out): grouping them happens
     * here, not in SQL.
     */
    public List<String> questions(String column, AnalyticsFilter f, int limit) {
        return bind(jdbc.sql("SELECT " + column + " FROM analytics_conversation" + WHERE + " AND " + column
                + " IS NOT NULL ORDER BY created_day DESC, created_at DESC FETCH FIRST :limit ROWS ONLY"), f)
                .param("limit", limit)
                .query(String.class).list().stream()
                .flatMap(q -> encryption.decryptIfReadable(q, QuestionColumns.PURPOSE).stream()).toList();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AnalyticsFilter f) {
        return spec.param("from", f.from()).param("to", f.to()).param("channel", f.channel()).param("team", f.teamId());
    }

    private static Double nullable(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
