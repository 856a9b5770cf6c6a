package dev.parley.analytics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AnalyticsApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousCallersAreUnauthorized() throws Exception {
        mvc.perform(get("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void returnsTheSummaryForARange() throws Exception {
        mvc.perform(get("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalConversations").isNumber())
                .andExpect(jsonPath("$.csat.responses").isNumber())
                .andExpect(jsonPath("$.conversationsByDay").isArray());
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void agentsMayNotReadAnalytics() throws Exception {
        mvc.perform(get("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/analytics/conversations.csv?from=2026-01-01&to=2026-01-31"))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void aRangeEndingBeforeItStartsIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/analytics/summary?from=2026-02-01&to=2026-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("to must not be before from"));
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void malformedOrMissingDatesAreBadRequests() throws Exception {
        mvc.perform(get("/api/v1/analytics/summary?from=yesterday&to=2026-01-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/analytics/summary?to=2026-01-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/analytics/summary?from=2024-01-01&to=2026-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("a report covers at most 366 days"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void prometheusExposesSupportMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("parley_realtime_connections")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("parley_assistant_latency")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("parley_queue_length")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("parley_agents_online")));
    }
}
