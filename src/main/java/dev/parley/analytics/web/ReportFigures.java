package dev.parley.analytics.web;

import dev.parley.analytics.AnalyticsSummary;
import dev.parley.analytics.AnalyticsSummary.Durations;
import dev.parley.analytics.AnalyticsSummary.AgentFigures;
import java.util.List;
import java.util.Locale;

/** The summary's headline numbers as the page prints them ("–" when there is nothing to measure). */
record ReportFigures(String conversations, String aiResolution, String aiConfirmed, String aiAssumed,
        String aiDurable, String escalation, String firstResponseAvg,
        String firstResponseMedian, String firstResponseP90, String resolutionAvg, String resolutionMedian,
        String resolutionP90, String csatAverage, String csatResponses, Times humanFirstResponse, Times queueWait,
        List<AgentRow> agents) {

    /** Average, median and 90th percentile, printed. */
    record Times(String avg, String median, String p90, long count) {

        static Times of(Durations d) {
            return new Times(duration(d.avg()), duration(d.median()), duration(d.p90()), d.count());
        }
    }

    /** One line of the per-agent table. */
    record AgentRow(String name, long conversations, String humanFirstResponse, String resolution, String csat) {

        static AgentRow of(AgentFigures a) {
            return new AgentRow(a.name(), a.conversations(), duration(a.humanFirstResponseAvgSeconds()),
                    duration(a.resolutionAvgSeconds()), a.csatAverage() == null ? NONE
                            : String.format(Locale.ROOT, "%.2f (%d)", a.csatAverage(), a.csatResponses()));
        }
    }

    static final String NONE = "–";

    static ReportFigures of(AnalyticsSummary s) {
        Durations first = s.firstResponseSeconds();
        Durations resolution = s.resolutionSeconds();
        return new ReportFigures(Long.toString(s.totalConversations()), percent(s.aiResolutionRate()),
                percent(s.aiResolution().confirmedRate()), percent(s.aiResolution().assumedRate()),
                percent(s.aiResolution().durableRate()),
                percent(s.escalationRate()), duration(first.avg()), duration(first.median()), duration(first.p90()),
                duration(resolution.avg()), duration(resolution.median()), duration(resolution.p90()),
                s.csat().average() == null ? NONE : String.format(Locale.ROOT, "%.2f / 5", s.csat().average()),
                Long.toString(s.csat().responses()), Times.of(s.humanFirstResponseSeconds()),
                Times.of(s.queueWaitSeconds()), s.agents().stream().map(AgentRow::of).toList());
    }

    static String percent(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** Seconds as the largest two units: "45 s", "3 min 05 s", "2 h 10 min", "1 d 4 h". */
    static String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", s / 86_400, s % 86_400 / 3600);
    }
}
