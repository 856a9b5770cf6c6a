package dev.parley.analytics.internal;

import dev.parley.analytics.ActionFigures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per-action figures from the action-run projection for the UTC days {@code from}..{@code to}. Percentiles are exact
 * (nearest rank) over the calls of the range: action calls are far fewer than messages.
 */
@Component
public class ActionRunQueries {

    private final JdbcClient jdbc;

    ActionRunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ActionFigures> figures(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT action_name, succeeded, latency_ms FROM analytics_action_run
                WHERE run_at >= :start AND run_at < :end ORDER BY action_name, latency_ms""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    String name = rs.getString("action_name");
                    latencies.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getLong("latency_ms"));
                    long[] c = counts.computeIfAbsent(name, n -> new long[2]);
                    c[0]++;
                    if (!rs.getBoolean("succeeded")) {
                        c[1]++;
                    }
                });
        Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT action_name, error_type, COUNT(*) AS n FROM analytics_action_run
                WHERE run_at >= :start AND run_at < :end AND succeeded = FALSE
                GROUP BY action_name, error_type ORDER BY action_name, error_type""")
                .param("start", start).param("end", end)
                .query(rs -> {
                    byType.computeIfAbsent(rs.getString("action_name"), n -> new LinkedHashMap<>())
                            .put(rs.getString("error_type") == null ? "UNKNOWN" : rs.getString("error_type"),
                                    rs.getLong("n"));
                });
        List<ActionFigures> figures = new ArrayList<>();
        latencies.forEach((name, sorted) -> {
            long runs = counts.get(name)[0];
            long failures = counts.get(name)[1];
            long sum = sorted.stream().mapToLong(Long::longValue).sum();
            figures.add(new ActionFigures(name, runs, failures, (double) failures / runs,
                    Math.round((double) sum / runs), percentile(sorted, 0.50), percentile(sorted, 0.95),
                    byType.getOrDefault(name, Map.of())));
        });
        figures.sort((a, b) -> Long.compare(b.runs(), a.runs()));
        return figures;
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
