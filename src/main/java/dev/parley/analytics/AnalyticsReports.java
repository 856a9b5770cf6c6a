package dev.parley.analytics;

import dev.parley.sla.SlaReports;
import dev.parley.analytics.AnalyticsSummary.AiResolution;
import dev.parley.analytics.AnalyticsSummary.Csat;
import dev.parley.analytics.AnalyticsSummary.Durations;
import dev.parley.analytics.internal.ActionRunQueries;
import dev.parley.analytics.internal.Breakdowns;
import dev.parley.analytics.internal.QuestionGrouping;
import dev.parley.analytics.internal.RollupQueries;
import dev.parley.analytics.internal.SummaryQueries;
import dev.parley.shared.ApiException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the analytics summary. Counts come from the daily rollups; a team filter (not rolled up) and
 * percentiles over modest volumes come exactly from the per-conversation projection; percentiles over
 * large volumes are read from the rollups' log-scale histograms (within about 5%).
 */
@Service
public class AnalyticsReports {

    static final int MAX_DAYS = 366;
    static final long EXACT_PERCENTILES_UP_TO = 50_000;
    private static final int QUESTION_SAMPLE = 500;
    private static final int TOP = 10;

    private final SummaryQueries facts;
    private final RollupQueries rollups;
    private final QuestionGrouping grouping;
    private final Breakdowns breakdowns;
    private final SlaReports sla;
    private final ActionRunQueries actionRuns;

    AnalyticsReports(SummaryQueries facts, RollupQueries rollups, QuestionGrouping grouping, Breakdowns breakdowns,
            SlaReports sla, ActionRunQueries actionRuns) {
        this.sla = sla;
        this.actionRuns = actionRuns;
        this.breakdowns = breakdowns;
        this.facts = facts;
        this.rollups = rollups;
        this.grouping = grouping;
    }

    @Transactional(readOnly = true)
    public AnalyticsSummary summary(AnalyticsFilter filter) {
        validate(filter);
        boolean byTeam = filter.teamId() != null;
        SummaryQueries.Totals totals = byTeam ? facts.totals(filter) : rollups.totals(filter);
        Map<String, Long> reasons = byTeam ? facts.countBy("escalation_reason", filter, " AND escalated = TRUE")
                : rollups.reasons(filter);
        Map<Integer, Long> distribution = byTeam ? csatFromFacts(filter) : rollups.csat(filter);
        long responses = distribution.values().stream().mapToLong(Long::longValue).sum();
        long points = distribution.entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum();
        return new AnalyticsSummary(filter.from(), filter.to(), totals.conversations(), totals.messages(),
                ratio(totals.aiResolved(), totals.conversations()), ratio(totals.escalated(), totals.conversations()),
                new AiResolution(totals.aiResolved(), totals.aiConfirmed(), totals.aiAssumed(), totals.aiDurable(),
                        ratio(totals.aiConfirmed(), totals.conversations()), ratio(totals.aiAssumed(), totals.conversations()),
                        ratio(totals.aiDurable(), totals.conversations())),
                reasons,
                durations("first_response_seconds", "first_response", filter),
                durations("human_response_seconds", "human_response", filter),
                durations("queue_wait_seconds", "queue_wait", filter),
                durations("resolution_seconds", "resolution", filter),
                new Csat(responses == 0 ? null : (double) points / responses, responses, distribution),
                byTeam ? facts.byDay(filter) : rollups.byDay(filter),
                byTeam ? facts.countBy("channel", filter, "") : rollups.byChannel(filter),
                breakdowns.volume("inbox", filter), breakdowns.volume("category", filter),
                breakdowns.volume("priority", filter), breakdowns.agents(filter),
                grouping.group(facts.questions("first_question", filter, QUESTION_SAMPLE), TOP),
                grouping.group(facts.questions("unanswered_question", filter, QUESTION_SAMPLE), TOP),
                totals.tokens(), totals.cost(),
                totals.aiResolved() == 0 ? null : totals.cost() / totals.aiResolved(),
                ratio(totals.messages(), totals.conversations()),
                sla.compliance(filter.from(), filter.to(), filter.channel(), filter.teamId()));
    }

    /** Each action's calls made in the range (by the day of the call): runs, failures and latency. */
    @Transactional(readOnly = true)
    public java.util.List<ActionFigures> actions(AnalyticsFilter filter) {
        validate(filter);
        return actionRuns.figures(filter.from(), filter.to());
    }

    private Durations durations(String column, String metric, AnalyticsFilter filter) {
        if (filter.teamId() != null) {
            return facts.durations(column, filter);
        }
        Durations estimated = rollups.durations(metric, filter);
        return estimated.count() > 0 && estimated.count() <= EXACT_PERCENTILES_UP_TO ? facts.durations(column, filter)
                : estimated;
    }

    private Map<Integer, Long> csatFromFacts(AnalyticsFilter filter) {
        Map<String, Long> counts = facts.countBy("csat", filter, " AND csat IS NOT NULL");
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(rating, counts.getOrDefault(Integer.toString(rating), 0L));
        }
        return distribution;
    }

    private static void validate(AnalyticsFilter filter) {
        if (filter.from() == null || filter.to() == null) {
            throw ApiException.badRequest("from and to are required dates (YYYY-MM-DD)");
        }
        if (filter.to().isBefore(filter.from())) {
            throw ApiException.badRequest("to must not be before from");
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= MAX_DAYS) {
            throw ApiException.badRequest("a report covers at most " + MAX_DAYS + " days");
        }
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
