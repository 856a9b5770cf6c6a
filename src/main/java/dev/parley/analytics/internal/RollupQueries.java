package dev.parley.analytics.internal;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsSummary.DayCount;
import dev.parley.analytics.AnalyticsSummary.Durations;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Report queries over the daily rollups: a few hundred rows for a 90-day range, whatever the volume. */
@Repository
public class RollupQueries {

    private static final String WHERE = " WHERE report_day BETWEEN :from AND :to"
            + " AND (CAST(:channel AS VARCHAR(32)) IS NULL OR channel = :channel)";

    private final JdbcClient jdbc;

    RollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SummaryQueries.Totals totals(AnalyticsFilter f) {
        return bind(jdbc.sql("SELECT COALESCE(SUM(conversations), 0) AS conversations, COALESCE(SUM(messages), 0) AS messages,"
                + " COALESCE(SUM(ai_resolved), 0) AS ai_resolved, COALESCE(SUM(escalated), 0) AS escalated,"
                + " COALESCE(SUM(tokens), 0) AS tokens, COALESCE(SUM(cost_usd), 0) AS cost,"
                + " COALESCE(SUM(ai_confirmed), 0) AS ai_confirmed, COALESCE(SUM(ai_assumed), 0) AS ai_assumed,"
                + " COALESCE(SUM(ai_durable), 0) AS ai_durable FROM analytics_daily" + WHERE), f)
                .query((rs, row) -> new SummaryQueries.Totals(rs.getLong("conversations"), rs.getLong("messages"),
                        rs.getLong("ai_resolved"), rs.getLong("escalated"), rs.getLong("tokens"), rs.getDouble("cost"),
                        rs.getLong("ai_confirmed"), rs.getLong("ai_assumed"), rs.getLong("ai_durable")))
                .single();
    }

    public Map<String, Long> reasons(AnalyticsFilter f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql("SELECT reason, SUM(escalations) AS n FROM analytics_daily_reason" + WHERE
                + " GROUP BY reason HAVING SUM(escalations) > 0 ORDER BY n DESC, reason"), f)
                .query((rs, row) -> counts.put(rs.getString("reason"), rs.getLong("n"))).list();
        return counts;
    }

    /** Conversations by inbox, category or priority ('' when none), most first. */
    public Map<String, Long> volume(String dimension, AnalyticsFilter f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql("SELECT dimension_value, SUM(conversations) AS n FROM analytics_daily_volume" + WHERE
                + " AND dimension = :dimension GROUP BY dimension_value HAVING SUM(conversations) > 0"
                + " ORDER BY n DESC, dimension_value"), f)
                .param("dimension", dimension)
                .query((rs, row) -> counts.put(rs.getString("dimension_value"), rs.getLong("n"))).list();
        return counts;
    }

    /** Conversations per agent (who held them last), most first. */
    public List<SummaryQueries.AgentTotals> agents(AnalyticsFilter f) {
        return bind(jdbc.sql("""
                SELECT agent_id, SUM(conversations) AS conversations, SUM(human_response_n) AS human_response_n,
                    SUM(human_response_seconds) AS human_response_seconds, SUM(resolution_n) AS resolution_n,
                    SUM(resolution_seconds) AS resolution_seconds, SUM(csat_n) AS csat_n, SUM(csat_points) AS csat_points
                FROM analytics_daily_agent""" + WHERE + " GROUP BY agent_id HAVING SUM(conversations) > 0"
                + " ORDER BY conversations DESC, agent_id"), f)
                .query((rs, row) -> SummaryQueries.agentTotals(rs)).list();
    }

    public Map<String, Long> byChannel(AnalyticsFilter f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bind(jdbc.sql("SELECT channel, SUM(conversations) AS n FROM analytics_daily" + WHERE
                + " GROUP BY channel HAVING SUM(conversations) > 0 ORDER BY n DESC, channel"), f)
                .query((rs, row) -> counts.put(rs.getString("channel"), rs.getLong("n"))).list();
        return counts;
    }

    public Map<Integer, Long> csat(AnalyticsFilter f) {
        return bind(jdbc.sql("SELECT COALESCE(SUM(csat_1), 0) AS c1, COALESCE(SUM(csat_2), 0) AS c2,"
                + " COALESCE(SUM(csat_3), 0) AS c3, COALESCE(SUM(csat_4), 0) AS c4, COALESCE(SUM(csat_5), 0) AS c5"
                + " FROM analytics_daily" + WHERE), f)
                .query((rs, row) -> {
                    Map<Integer, Long> d = new LinkedHashMap<>();
                    for (int r = 1; r <= 5; r++) {
                        d.put(r, rs.getLong("c" + r));
                    }
                    return d;
                }).single();
    }

    public List<DayCount> byDay(AnalyticsFilter f) {
        return bind(jdbc.sql("SELECT report_day, SUM(conversations) AS n, SUM(ai_resolved) AS ai, SUM(escalated) AS esc"
                + " FROM analytics_daily" + WHERE + " GROUP BY report_day HAVING SUM(conversations) > 0 ORDER BY report_day"), f)
                .query((rs, row) -> new DayCount(rs.getObject("report_day", LocalDate.class), rs.getLong("n"), rs.getLong("ai"),
                        rs.getLong("esc")))
                .list();
    }

    /** Average (exact) and median/p90 estimated from the log-scale histogram. */
    public Durations durations(String metric, AnalyticsFilter f) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        long[] totals = new long[2];
        bind(jdbc.sql("SELECT bucket, SUM(n) AS n, SUM(seconds) AS s FROM analytics_daily_duration" + WHERE
                + " AND metric = :metric GROUP BY bucket"), f)
                .param("metric", metric)
                .query((rs, row) -> {
                    histogram.merge(rs.getInt("bucket"), rs.getLong("n"), Long::sum);
                    totals[0] += rs.getLong("n");
                    totals[1] += rs.getLong("s");
                    return null;
                }).list();
        long count = totals[0];
        if (count == 0) {
            return new Durations(null, null, null, 0);
        }
        return new Durations((double) totals[1] / count, quantile(histogram, count, 0.5), quantile(histogram, count, 0.9),
                count);
    }

    static Double quantile(TreeMap<Integer, Long> histogram, long count, double q) {
        long target = (long) Math.ceil(q * count);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= Math.max(1, target)) {
                return DurationBuckets.representative(bucket.getKey());
            }
        }
        return DurationBuckets.representative(histogram.lastKey());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AnalyticsFilter f) {
        return spec.param("from", f.from()).param("to", f.to()).param("channel", f.channel());
    }
}
