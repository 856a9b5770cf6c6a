package dev.parley.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsReports;
import dev.parley.analytics.AnalyticsSummary;
import dev.parley.analytics.AnalyticsSummary.Csat;
import dev.parley.analytics.AnalyticsSummary.DayCount;
import dev.parley.analytics.AnalyticsSummary.Durations;
import dev.parley.analytics.AnalyticsSummary.QuestionGroup;
import dev.parley.analytics.AnalyticsSummary.AgentFigures;
import dev.parley.analytics.AnalyticsSummary.VolumeCount;
import java.util.UUID;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page around the reports: the reports themselves are tested in AnalyticsSummaryContract. */
@SpringBootTest
@AutoConfigureMockMvc
class AnalyticsPageTests {

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 3);

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;
    @MockitoBean
    AnalyticsReports reports;

    @BeforeEach
    void stubReports() {
        clearInvocations(reports);
        when(reports.summary(any())).thenAnswer(call -> summary(call.getArgument(0)));
    }

    @Test
    void pageIsForSupervisorsAndAdminsOnly() throws Exception {
        mvc.perform(get("/analytics")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/analytics").with(user("agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(supervisor(get("/analytics"))).andExpect(status().isOk());
    }

    @Test
    void presetsCoverTheLastDaysEndingToday() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("range", "7"))).andExpect(status().isOk());
        ArgumentCaptor<AnalyticsFilter> filter = ArgumentCaptor.forClass(AnalyticsFilter.class);
        verify(reports).summary(filter.capture());
        LocalDate today = LocalDate.now(clock);
        assertThat(filter.getValue()).isEqualTo(new AnalyticsFilter(today.minusDays(6), today, null, null));
    }

    @Test
    void rendersFiguresChartsTablesAndTheCsvLinkForACustomRange() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("from", FROM.toString()).param("to", TO.toString())
                        .param("channel", "email")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("75.0%"), containsString("2 min 05 s"), containsString("1 h 01 min"),
                        containsString("4.50 / 5"), containsString("<canvas id=\"chart-volume\""),
                        containsString("<canvas id=\"chart-csat\""), containsString("<canvas id=\"chart-reasons\""),
                        containsString("/api/v1/analytics/conversations.csv?from=2026-03-01&amp;to=2026-03-03&amp;channel=email"),
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt; refund"),
                        not(containsString("<script>alert(1)")),
                        containsString("\"days\":[\"2026-03-01\",\"2026-03-02\",\"2026-03-03\"]"),
                        containsString("\"other\":[1,0,0]"), containsString("\"csatCounts\":[0,0,0,1,1]"))));
        verify(reports).summary(new AnalyticsFilter(FROM, TO, "email", null));
    }

    @Test
    void showsConfirmedAssumedAndDurableAiResolutionSeparately() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("from", FROM.toString()).param("to", TO.toString())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span class=\"value\">25.0%</span><span>AI, confirmed by customer</span>"),
                        containsString("<span class=\"value\">50.0%</span><span>AI, assumed (no answer)</span>"),
                        containsString("<span class=\"value\">25.0%</span><span>AI, durable (not reopened in 7 days)</span>"),
                        containsString("first responses within SLA (3 of 4 met)"),
                        containsString("resolutions within SLA (no target due yet)"))));
    }

    @Test
    void showsWaitsForAPersonPerAgentFiguresAndVolumes() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("from", FROM.toString()).param("to", TO.toString())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("First human response"), containsString("<td>1 min 35 s</td>"),
                        containsString("<td>1 min 20 s</td>"), containsString("<td>3 min 20 s</td>"),
                        containsString("Wait in queue"), containsString("<td>30 s</td>"), containsString("<td>45 s</td>"),
                        containsString("<td>Ada &lt;b&gt;Lovelace&lt;/b&gt;</td>"), containsString("4.50 (2)"),
                        containsString("<td>Email support</td>"), containsString("<td>No category</td>"),
                        containsString("<td>High</td>"))));
    }

    @Test
    void knowledgeGapsLinkToAPrefilledDraft() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("from", FROM.toString()).param("to", TO.toString())))
                .andExpect(content().string(containsString(
                        "href=\"/knowledge/new?title=Do%20you%20ship%20to%20Mars?&amp;example=Do%20you%20ship%20to%20Mars?"
                                + "&amp;example=mars%20%26%20moon%20delivery\"")));
    }

    @Test
    void unreadableDatesAreFormErrorsNotServerErrors() throws Exception {
        mvc.perform(supervisor(get("/analytics").param("from", "yesterday").param("to", "2026-13-01")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Not a date; use YYYY-MM-DD"),
                        containsString("value=\"yesterday\""), not(containsString("<canvas")))));
        mvc.perform(supervisor(get("/analytics").param("from", "2026-03-05").param("to", "2026-03-01")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The end date must not be before the start date")));
        mvc.perform(supervisor(get("/analytics").param("range", "365")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose 7, 30 or 90 days")));
        mvc.perform(supervisor(get("/analytics").param("from", "2026-03-05").param("channel", "<bad>")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Enter a date"), containsString("Unknown channel"))));
        verify(reports, never()).summary(any());
    }

    @Test
    void aRangeTheReportsRefuseIsAFormError() throws Exception {
        doThrow(ApiException.badRequest("a report covers at most 366 days")).when(reports).summary(any());
        mvc.perform(supervisor(get("/analytics").param("from", "2024-01-01").param("to", "2026-01-01")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("A report covers at most 366 days"),
                        containsString("value=\"2024-01-01\""))));
    }

    private static MockHttpServletRequestBuilder supervisor(MockHttpServletRequestBuilder request) {
        return request.with(user("supervisor").roles("SUPERVISOR", "AGENT"));
    }

    private static AnalyticsSummary summary(AnalyticsFilter filter) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("LOW_CONFIDENCE", 1L);
        Map<Integer, Long> csat = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            csat.put(rating, rating >= 4 ? 1L : 0L);
        }
        return new AnalyticsSummary(filter.from(), filter.to(), 4, 12, 0.75, 0.25,
                new AnalyticsSummary.AiResolution(3, 1, 2, 1, 0.25, 0.5, 0.25), reasons,
                new Durations(125.0, 60.0, 300.0, 4), new Durations(95.0, 80.0, 200.0, 2), new Durations(30.0, 20.0, 45.0, 2),
                new Durations(3700.0, 3600.0, 7200.0, 3),
                new Csat(4.5, 2, csat),
                List.of(new DayCount(filter.from(), 2, 1, 0), new DayCount(filter.from().plusDays(1), 2, 2, 0)),
                Map.of("email", 4L),
                List.of(new VolumeCount(null, "Email support", 4)), List.of(new VolumeCount("billing", "billing", 3),
                        new VolumeCount(null, "No category", 1)), List.of(new VolumeCount("HIGH", "High", 4)),
                List.of(new AgentFigures(UUID.randomUUID(), "Ada <b>Lovelace</b>", 2, 95.0, 2, 3700.0, 2, 4.5, 2)),
                List.of(new QuestionGroup("<script>alert(1)</script> refund", 3, List.of("<script>alert(1)</script> refund"))),
                List.of(new QuestionGroup("Do you ship to Mars?", 2, List.of("Do you ship to Mars?", "mars & moon delivery"))),
                0, 0.0, null, 3.0,
                new dev.parley.sla.SlaCompliance(new dev.parley.sla.SlaCompliance.Figures(3, 1, 0.75),
                        new dev.parley.sla.SlaCompliance.Figures(0, 0, null)));
    }
}
