package dev.parley.sla.internal;

import dev.parley.sla.internal.SlaClockRepository.Compliance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SLA outcomes that are settled (a target met, or breached by a late answer or a recorded breach) counted per day
 * of the conversation's creation (UTC), channel and team in {@code sla_daily}. Every change of a clock marks it
 * ({@code rolled_up = FALSE}). A report reads the rows of the unmarked days and counts the days with a marked clock
 * from their clocks (usually just today), so it reads a few hundred rows rather than every clock of the range, and
 * is never stale; the SLA sweep rebuilds marked days in the background ({@link #rebuildMarkedDays}).
 */
@Repository
public class SlaDailyRollup {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static final String SETTLED = """
            SUM(CASE WHEN first_response_due IS NOT NULL AND first_response_at IS NOT NULL
                AND first_response_at <= first_response_due THEN 1 ELSE 0 END) AS first_met,
            SUM(CASE WHEN first_response_due IS NOT NULL AND ((first_response_at IS NOT NULL
                AND first_response_at > first_response_due) OR (first_response_at IS NULL
                AND first_response_breached_at IS NOT NULL)) THEN 1 ELSE 0 END) AS first_breached,
            SUM(CASE WHEN resolution_due IS NOT NULL AND resolved_at IS NOT NULL
                AND resolved_at <= resolution_due THEN 1 ELSE 0 END) AS resolution_met,
            SUM(CASE WHEN resolution_due IS NOT NULL AND ((resolved_at IS NOT NULL
                AND resolved_at > resolution_due) OR (resolved_at IS NULL
                AND resolution_breached_at IS NOT NULL)) THEN 1 ELSE 0 END) AS resolution_breached""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SlaDailyRollup(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Settled outcomes over conversations created on the UTC days of [from, to). */
    public Compliance settled(Instant from, Instant to, String channel, UUID teamId) {
        List<LocalDate> marked = markedDays(from, to);
        Filter rolled = new Filter(channel, teamId, "team_key", teamId == null ? null : teamId.toString());
        StringBuilder sql = new StringBuilder("""
                SELECT SUM(first_met) AS first_met, SUM(first_breached) AS first_breached,
                  SUM(resolution_met) AS resolution_met, SUM(resolution_breached) AS resolution_breached
                FROM sla_daily WHERE report_day >= :from AND report_day < :to""");
        Map<String, Object> params = rolled.apply(sql);
        params.put("from", day(from));
        params.put("to", day(to));
        if (!marked.isEmpty()) {
            sql.append(" AND report_day NOT IN (:marked)");
            params.put("marked", marked);
        }
        Compliance total = jdbc.sql(sql.toString()).params(params).query(SlaDailyRollup::compliance).single();
        Filter live = new Filter(channel, teamId, "team_id", teamId);
        for (LocalDate day : marked) {
            StringBuilder daySql = new StringBuilder("SELECT " + SETTLED
                    + " FROM sla_clock WHERE conversation_created_at >= :s AND conversation_created_at < :e");
            Map<String, Object> dayParams = live.apply(daySql);
            dayParams.put("s", start(day));
            dayParams.put("e", start(day.plusDays(1)));
            total = total.plus(jdbc.sql(daySql.toString()).params(dayParams).query(SlaDailyRollup::compliance).single());
        }
        return total;
    }

    /** Rebuilds every day with a changed clock, each in a transaction of its own; run on one node at a time. */
    public int rebuildMarkedDays() {
        List<LocalDate> days = markedDays(EARLIEST, LATEST);
        days.forEach(day -> transactions.executeWithoutResult(status -> rebuild(day)));
        return days.size();
    }

    private List<LocalDate> markedDays(Instant from, Instant to) {
        List<LocalDate> days = new ArrayList<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            List<OffsetDateTime> first = jdbc.sql("""
                    SELECT MIN(conversation_created_at) FROM sla_clock
                    WHERE rolled_up = FALSE AND conversation_created_at >= :c AND conversation_created_at < :to""")
                    .param("c", time(cursor)).param("to", time(to)).query(OffsetDateTime.class).list();
            if (first.isEmpty() || first.getFirst() == null) {
                break;
            }
            LocalDate day = first.getFirst().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            days.add(day);
            cursor = start(day.plusDays(1)).toInstant();
        }
        return days;
    }

    private void rebuild(LocalDate day) {
        // Marks first: a clock changing from here on waits for this transaction (its row is locked), then marks
        // itself again for the next rebuild; one that changed before is counted below.
        jdbc.sql("""
                UPDATE sla_clock SET rolled_up = TRUE
                WHERE rolled_up = FALSE AND conversation_created_at >= :s AND conversation_created_at < :e""")
                .param("s", start(day)).param("e", start(day.plusDays(1))).update();
        jdbc.sql("DELETE FROM sla_daily WHERE report_day = :d").param("d", day).update();
        List<Map<String, Object>> rows = jdbc.sql("SELECT COALESCE(channel, '') AS channel, team_id, " + SETTLED + """
                 FROM sla_clock WHERE conversation_created_at >= :s AND conversation_created_at < :e
                GROUP BY COALESCE(channel, ''), team_id""")
                .param("s", start(day)).param("e", start(day.plusDays(1))).query().listOfRows();
        for (Map<String, Object> row : rows) {
            Object team = row.get("team_id");
            jdbc.sql("""
                    INSERT INTO sla_daily (report_day, channel, team_key, first_met, first_breached, resolution_met,
                        resolution_breached) VALUES (:d, :ch, :t, :fm, :fb, :rm, :rb)""")
                    .param("d", day).param("ch", row.get("channel").toString())
                    .param("t", team == null ? "" : team.toString())
                    .param("fm", number(row.get("first_met"))).param("fb", number(row.get("first_breached")))
                    .param("rm", number(row.get("resolution_met"))).param("rb", number(row.get("resolution_breached")))
                    .update();
        }
    }

    /** The optional channel and team conditions, on the rollup's or the clocks' team column. */
    private record Filter(String channel, UUID teamId, String teamColumn, Object teamValue) {

        Map<String, Object> apply(StringBuilder sql) {
            Map<String, Object> params = new HashMap<>();
            if (channel != null && !channel.isBlank()) {
                sql.append(" AND channel = :channel");
                params.put("channel", channel);
            }
            if (teamId != null) {
                sql.append(" AND ").append(teamColumn).append(" = :team");
                params.put("team", teamValue);
            }
            return params;
        }
    }

    private static Compliance compliance(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Compliance(rs.getLong("first_met"), rs.getLong("first_breached"), rs.getLong("resolution_met"),
                rs.getLong("resolution_breached"));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first UTC day not before the instant: ranges are whole days here. */
    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
