package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a conversation's change to the daily rollups: what its old facts counted is taken out and what its new
 * facts count put in, so every rollup stays equal to what a full recount would give; a row whose part of the facts did
 * not change is not written, and the day's row gets the difference in one write.
 */
@Repository
class RollupWriter {

    static final String FIRST_RESPONSE = "first_response";
    static final String RESOLUTION = "resolution";
    static final String HUMAN_RESPONSE = "human_response";
    static final String QUEUE_WAIT = "queue_wait";
    static final List<String> DIMENSIONS = List.of("inbox", "category", "priority");

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    RollupWriter(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    void replace(FactsRow before, FactsRow after) {
        replaceCounts(before, after, DailyCounts::of, this::daily);
        replacePart(before, after, row -> row.escalated() && row.escalationReason() != null
                ? new ReasonPart(row.day(), row.channel(), row.escalationReason()) : null, this::reason);
        replacePart(before, after, row -> durationPart(row, FIRST_RESPONSE, row.firstResponseSeconds()),
                this::duration);
        replacePart(before, after, row -> durationPart(row, RESOLUTION, row.resolutionSeconds()), this::duration);
        replacePart(before, after, row -> durationPart(row, HUMAN_RESPONSE, row.people().humanResponseSeconds()),
                this::duration);
        replacePart(before, after, row -> durationPart(row, QUEUE_WAIT, row.people().queueWaitSeconds()),
                this::duration);
        for (String dimension : DIMENSIONS) {
            replacePart(before, after, row -> new VolumePart(row.day(), row.channel(), dimension, valueOf(row, dimension)),
                    this::volume);
        }
        replaceCounts(before, after, AgentCounts::of, this::agent);
    }

    /**
     * Counters of one rollup row that a conversation adds to; a change of the conversation is written as the
     * difference in one write while it stays on the same row (nearly every event), and not at all when nothing they
     * count changed.
     */
    interface Counts<C extends Counts<C>> {
        boolean sameRow(C other);

        C minus(C old);

        C negated();
    }

    private static <C extends Counts<C>> void replaceCounts(FactsRow before, FactsRow after,
            Function<FactsRow, C> counts, Consumer<C> write) {
        C old = before == null ? null : counts.apply(before);
        C now = after == null ? null : counts.apply(after);
        if (Objects.equals(old, now)) {
            return;
        }
        if (old != null && now != null && old.sameRow(now)) {
            write.accept(now.minus(old));
            return;
        }
        if (old != null) {
            write.accept(old.negated());
        }
        if (now != null) {
            write.accept(now);
        }
    }

    /**
     * The newer rollups change only when their part of the facts changed: most events touch none of them, so they
     * cost no writes.
     */
    private static <P> void replacePart(FactsRow before, FactsRow after, Function<FactsRow, P> part,
            BiConsumer<P, Integer> write) {
        P old = before == null ? null : part.apply(before);
        P now = after == null ? null : part.apply(after);
        if (Objects.equals(old, now)) {
            return;
        }
        if (old != null) {
            write.accept(old, -1);
        }
        if (now != null) {
            write.accept(now, 1);
        }
    }

    private record DurationPart(LocalDate day, String channel, String metric, long seconds) {
    }

    private record VolumePart(LocalDate day, String channel, String dimension, String value) {
    }

    private static DurationPart durationPart(FactsRow row, String metric, Long seconds) {
        return seconds == null ? null : new DurationPart(row.day(), row.channel(), metric, seconds);
    }

    static String valueOf(FactsRow row, String dimension) {
        Object value = switch (dimension) {
            case "inbox" -> row.people().inboxId();
            case "category" -> row.people().category();
            default -> row.people().priority();
        };
        return value == null ? "" : value.toString();
    }

    private void volume(VolumePart part, int sign) {
        retryOnce(() -> jdbc.sql("""
                MERGE INTO analytics_daily_volume d
                USING (VALUES (CAST(:day AS DATE), CAST(:channel AS VARCHAR(32)), CAST(:dimension AS VARCHAR(16)),
                    CAST(:dimension_value AS VARCHAR(64)))) AS s (report_day, channel, dimension, dimension_value)
                ON d.report_day = s.report_day AND d.channel = s.channel AND d.dimension = s.dimension
                    AND d.dimension_value = s.dimension_value
                WHEN MATCHED THEN UPDATE SET conversations = d.conversations + :n
                WHEN NOT MATCHED THEN INSERT (report_day, channel, dimension, dimension_value, conversations)
                    VALUES (s.report_day, s.channel, s.dimension, s.dimension_value, :n)""")
                .param("day", part.day()).param("channel", part.channel()).param("dimension", part.dimension())
                .param("dimension_value", part.value()).param("n", sign).update());
    }

    private void agent(AgentCounts n) {
        retryOnce(() -> jdbc.sql("""
                MERGE INTO analytics_daily_agent d
                USING (VALUES (CAST(:day AS DATE), CAST(:channel AS VARCHAR(32)), CAST(:agent AS UUID)))
                    AS s (report_day, channel, agent_id)
                ON d.report_day = s.report_day AND d.channel = s.channel AND d.agent_id = s.agent_id
                WHEN MATCHED THEN UPDATE SET conversations = d.conversations + :n,
                    human_response_n = d.human_response_n + :hn, human_response_seconds = d.human_response_seconds + :hs,
                    resolution_n = d.resolution_n + :rn, resolution_seconds = d.resolution_seconds + :rs,
                    csat_n = d.csat_n + :cn, csat_points = d.csat_points + :cp
                WHEN NOT MATCHED THEN INSERT (report_day, channel, agent_id, conversations, human_response_n,
                    human_response_seconds, resolution_n, resolution_seconds, csat_n, csat_points)
                    VALUES (s.report_day, s.channel, s.agent_id, :n, :hn, :hs, :rn, :rs, :cn, :cp)""")
                .param("day", n.day()).param("channel", n.channel()).param("agent", n.agentId())
                .param("n", n.conversations())
                .param("hn", n.humanResponseN()).param("hs", n.humanResponseSeconds())
                .param("rn", n.resolutionN()).param("rs", n.resolutionSeconds())
                .param("cn", n.csatN()).param("cp", n.csatPoints())
                .update());
    }

    private void daily(DailyCounts n) {
        retryOnce(() -> jdbc.sql("""
                MERGE INTO analytics_daily d
                USING (VALUES (CAST(:day AS DATE), CAST(:channel AS VARCHAR(32)))) AS s (report_day, channel)
                ON d.report_day = s.report_day AND d.channel = s.channel
                WHEN MATCHED THEN UPDATE SET conversations = d.conversations + :c, messages = d.messages + :m,
                    ai_resolved = d.ai_resolved + :ai, escalated = d.escalated + :esc,
                    ai_confirmed = d.ai_confirmed + :aic, ai_assumed = d.ai_assumed + :aia, ai_durable = d.ai_durable + :aid,
                    csat_1 = d.csat_1 + :c1, csat_2 = d.csat_2 + :c2, csat_3 = d.csat_3 + :c3,
                    csat_4 = d.csat_4 + :c4, csat_5 = d.csat_5 + :c5,
                    tokens = d.tokens + :tokens, cost_usd = d.cost_usd + :cost
                WHEN NOT MATCHED THEN INSERT (report_day, channel, conversations, messages, ai_resolved, escalated,
                    ai_confirmed, ai_assumed, ai_durable, csat_1, csat_2, csat_3, csat_4, csat_5, tokens, cost_usd)
                    VALUES (s.report_day, s.channel, :c, :m, :ai, :esc, :aic, :aia, :aid, :c1, :c2, :c3, :c4, :c5,
                        :tokens, :cost)""")
                .param("day", n.day()).param("channel", n.channel())
                .param("c", n.conversations()).param("m", n.messages())
                .param("ai", n.aiResolved()).param("esc", n.escalated())
                .param("aic", n.aiConfirmed()).param("aia", n.aiAssumed()).param("aid", n.aiDurable())
                .param("c1", n.csat1()).param("c2", n.csat2()).param("c3", n.csat3()).param("c4", n.csat4())
                .param("c5", n.csat5())
                .param("tokens", n.tokens()).param("cost", n.costUsd())
                .update());
    }

    private record ReasonPart(LocalDate day, String channel, String reason) {
    }

    private void reason(ReasonPart part, int sign) {
        retryOnce(() -> jdbc.sql("""
                MERGE INTO analytics_daily_reason d
                USING (VALUES (CAST(:day AS DATE), CAST(:channel AS VARCHAR(32)), CAST(:reason AS VARCHAR(32))))
                    AS s (report_day, channel, reason)
                ON d.report_day = s.report_day AND d.channel = s.channel AND d.reason = s.reason
                WHEN MATCHED THEN UPDATE SET escalations = d.escalations + :n
                WHEN NOT MATCHED THEN INSERT (report_day, channel, reason, escalations) VALUES (s.report_day, s.channel, s.reason, :n)""")
                .param("day", part.day()).param("channel", part.channel()).param("reason", part.reason())
                .param("n", sign).update());
    }

    private void duration(DurationPart part, int sign) {
        retryOnce(() -> jdbc.sql("""
                MERGE INTO analytics_daily_duration d
                USING (VALUES (CAST(:day AS DATE), CAST(:channel AS VARCHAR(32)), CAST(:metric AS VARCHAR(16)),
                    CAST(:bucket AS INT))) AS s (report_day, channel, metric, bucket)
                ON d.report_day = s.report_day AND d.channel = s.channel AND d.metric = s.metric AND d.bucket = s.bucket
                WHEN MATCHED THEN UPDATE SET n = d.n + :n, seconds = d.seconds + :seconds
                WHEN NOT MATCHED THEN INSERT (report_day, channel, metric, bucket, n, seconds)
                    VALUES (s.report_day, s.channel, s.metric, s.bucket, :n, :seconds)""")
                .param("day", part.day()).param("channel", part.channel()).param("metric", part.metric())
                .param("bucket", DurationBuckets.bucketOf(part.seconds())).param("n", sign)
                .param("seconds", sign * part.seconds())
                .update());
    }

    /**
     * Two first writers of the same rollup row can both try to insert it; the loser rolls back to a
     * savepoint (PostgreSQL aborts the transaction otherwise) and retries, now as an update.
     */
    private void retryOnce(Runnable write) {
        try {
            savepoint.executeWithoutResult(status -> write.run());
        } catch (DuplicateKeyException e) {
            savepoint.executeWithoutResult(status -> write.run());
        }
    }
}
