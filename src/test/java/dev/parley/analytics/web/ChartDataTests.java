package dev.parley.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.analytics.AnalyticsSummary;
import dev.parley.analytics.AnalyticsSummary.Csat;
import dev.parley.analytics.AnalyticsSummary.DayCount;
import dev.parley.analytics.AnalyticsSummary.Durations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChartDataTests {

    static final LocalDate DAY = LocalDate.of(2026, 5, 30);

    @Test
    void fillsDaysWithoutConversationsWithZerosAcrossMonthEnds() {
        ChartData data = ChartData.of(summary(Map.of("LOW_CONFIDENCE", 2L),
                List.of(new DayCount(DAY.plusDays(2), 5, 2, 1))));
        assertThat(data.days()).containsExactly("2026-05-30", "2026-05-31", "2026-06-01", "2026-06-02");
        assertThat(data.aiResolved()).containsExactly(0L, 0L, 2L, 0L);
        assertThat(data.escalated()).containsExactly(0L, 0L, 1L, 0L);
        assertThat(data.other()).containsExactly(0L, 0L, 2L, 0L);
        assertThat(data.csatCounts()).containsExactly(0L, 0L, 1L, 0L, 3L);
    }

    @Test
    void scriptJsonCannotCloseTheScriptElementAndStillParsesToTheSameText() {
        String hostile = "</script><script>alert('x') & <!--";
        String json = ChartData.of(summary(Map.of(hostile, 1L), List.of())).toScriptJson();
        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(JsonMapper.builder().build().readTree(json).get("reasons").get(0).asString()).isEqualTo(hostile);
    }

    @Test
    void durationsReadInTheLargestTwoUnits() {
        assertThat(ReportFigures.duration(null)).isEqualTo("–");
        assertThat(ReportFigures.duration(44.6)).isEqualTo("45 s");
        assertThat(ReportFigures.duration(185.0)).isEqualTo("3 min 05 s");
        assertThat(ReportFigures.duration(7_830.0)).isEqualTo("2 h 10 min");
        assertThat(ReportFigures.duration(100_800.0)).isEqualTo("1 d 4 h");
        assertThat(ReportFigures.percent(0.1234)).isEqualTo("12.3%");
    }

    private static AnalyticsSummary summary(Map<String, Long> reasons, List<DayCount> days) {
        return new AnalyticsSummary(DAY, DAY.plusDays(3), 5, 9, null, null,
                new AnalyticsSummary.AiResolution(0, 0, 0, 0, null, null, null), reasons,
                new Durations(null, null, null, 0), new Durations(null, null, null, 0), new Durations(null, null, null, 0),
                new Durations(null, null, null, 0),
                new Csat(4.25, 4, Map.of(1, 0L, 2, 0L, 3, 1L, 4, 0L, 5, 3L)), days, Map.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(),
                0, 0.0, null, null, null);
    }
}
