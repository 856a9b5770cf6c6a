package dev.parley.analytics;

import dev.parley.analytics.AnalyticsSummary.Csat;
import dev.parley.analytics.internal.QuestionGrouping;
import dev.parley.analytics.internal.SummaryQueries;
import dev.parley.shared.ApiException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the analytics summary from the per-conversation projection. */
@Service
public class AnalyticsReports {

    static final int MAX_DAYS = 366;
    private static final int QUESTION_SAMPLE = 500;
    private static final int TOP = 10;

    private final SummaryQueries queries;
    private final QuestionGrouping grouping;

    AnalyticsReports(SummaryQueries queries, QuestionGrouping grouping) {
        this.queries = queries;
        this.grouping = grouping;
    }

    @Transactional(readOnly = true)
    public AnalyticsSummary summary(AnalyticsFilter filter) {
        validate(filter);
        SummaryQueries.Totals totals = queries.totals(filter);
        Map<String, Long> reasons = queries.countBy("escalation_reason", filter, " AND escalated = TRUE");
        Map<String, Long> csatCounts = queries.countBy("csat", filter, " AND csat IS NOT NULL");
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        long responses = 0;
        long points = 0;
        for (int rating = 1; rating <= 5; rating++) {
            long n = csatCounts.getOrDefault(Integer.toString(rating), 0L);
            distribution.put(rating, n);
            responses += n;
            points += n * rating;
        }
        return new AnalyticsSummary(filter.from(), filter.to(), totals.conversations(), totals.messages(),
                ratio(totals.aiResolved(), totals.conversations()), ratio(totals.escalated(), totals.conversations()),
                reasons,
                queries.durations("first_response_seconds", filter),
                queries.durations("resolution_seconds", filter),
                new Csat(responses == 0 ? null : (double) points / responses, responses, distribution),
                queries.byDay(filter),
                queries.countBy("channel", filter, ""),
                grouping.group(queries.questions("first_question", filter, QUESTION_SAMPLE), TOP),
                grouping.group(queries.questions("unanswered_question", filter, QUESTION_SAMPLE), TOP),
                totals.tokens(), totals.cost(),
                totals.aiResolved() == 0 ? null : totals.cost() / totals.aiResolved(),
                ratio(totals.messages(), totals.conversations()));
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
