package dev.parley.analytics.web;

import dev.parley.analytics.AnalyticsSummary;
import dev.parley.analytics.AnalyticsSummary.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the charts draw, handed to analytics.js as JSON in a {@code <script type="application/json">} block.
 * Days without conversations are filled with zeros so the time axis has no gaps.
 */
record ChartData(List<String> days, List<Long> aiResolved, List<Long> escalated, List<Long> other,
        List<String> csatRatings, List<Long> csatCounts, List<String> reasons, List<Long> reasonCounts) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ChartData of(AnalyticsSummary s) {
        Map<LocalDate, DayCount> byDay = s.conversationsByDay().stream()
                .collect(Collectors.toMap(DayCount::day, Function.identity(), (a, b) -> a));
        List<String> days = new ArrayList<>();
        List<Long> ai = new ArrayList<>(), escalated = new ArrayList<>(), other = new ArrayList<>();
        for (LocalDate day = s.from(); !day.isAfter(s.to()); day = day.plusDays(1)) {
            DayCount c = byDay.getOrDefault(day, new DayCount(day, 0, 0, 0));
            days.add(day.toString());
            ai.add(c.aiResolved());
            escalated.add(c.escalated());
            other.add(Math.max(0, c.conversations() - c.aiResolved() - c.escalated()));
        }
        List<String> ratings = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            ratings.add(rating + " \u2605");
            counts.add(s.csat().distribution().getOrDefault(rating, 0L));
        }
        return new ChartData(days, ai, escalated, other, ratings, counts,
                List.copyOf(s.escalationsByReason().keySet()), List.copyOf(s.escalationsByReason().values()));
    }

    /**
     * JSON safe to place inside a script element: '<', '>' and '&' only occur inside JSON strings, where
     * their \\u escapes mean the same, so no text can close the element or open a comment.
     */
    String toScriptJson() {
        return JSON.writeValueAsString(this).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
