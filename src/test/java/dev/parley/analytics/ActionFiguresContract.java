package dev.parley.analytics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.parley.action.ActionContext;
import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Risk;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.action.ActionDefinition.Type;
import dev.parley.action.ActionExecuted;
import dev.parley.action.Actions;
import dev.parley.identity.Actor;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-action figures in analytics, projected from {@link ActionExecuted}: runs, failures by type and latency
 * percentiles worked out by hand on events in a day of their own (2019), test runs and redelivered events not counted;
 * and end to end, real calls to a shop API show up in {@code /api/v1/analytics/actions}. H2 and PostgreSQL.
 */
@AutoConfigureMockMvc
abstract class ActionFiguresContract {

    static final LocalDate DAY = LocalDate.of(2019, 5, 14);
    final WireMockServer shop = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void startShop() {
        shop.start();
        shop.stubFor(WireMock.get(urlPathEqualTo("/orders/1001")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"shipped\"}")));
        shop.stubFor(WireMock.get(urlPathEqualTo("/orders/5003")).willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AnalyticsReports reports;
    @Autowired
    Actions actions;
    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;

    @Test
    void countsRunsFailuresByTypeAndLatencyPercentilesPerAction() {
        String lookup = "lookup_" + UUID.randomUUID().toString().substring(0, 8);
        String cancel = "cancel_" + UUID.randomUUID().toString().substring(0, 8);
        UUID lookupId = UUID.randomUUID();
        UUID cancelId = UUID.randomUUID();
        ActionExecuted repeated = run(lookupId, lookup, true, 200, 10, null, false, 9);
        List<ActionExecuted> runs = List.of(repeated,
                run(lookupId, lookup, true, 200, 20, null, false, 10),
                run(lookupId, lookup, true, 200, 30, null, false, 11),
                run(lookupId, lookup, false, 503, 40, "HTTP_ERROR", false, 12),
                run(lookupId, lookup, false, null, 1000, "TIMEOUT", false, 23),
                run(lookupId, lookup, true, 200, 5, null, true, 13), // a test run: not counted
                run(cancelId, cancel, false, null, 0, "RATE_LIMITED", false, 14),
                run(lookupId, lookup, true, 200, 7, null, false, 24 + 1)); // the next day: outside the range
        runs.forEach(this::publish);
        publish(repeated); // redelivered after a retry

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, ActionFigures> byName = figures(DAY, DAY);
            assertThat(byName.get(lookup)).isEqualTo(new ActionFigures(lookup, 5, 2, 0.4, 220L, 30L, 1000L,
                    Map.of("HTTP_ERROR", 1L, "TIMEOUT", 1L)));
            assertThat(byName.get(cancel)).isEqualTo(new ActionFigures(cancel, 1, 1, 1.0, 0L, 0L, 0L,
                    Map.of("RATE_LIMITED", 1L)));
        });
        assertThat(figures(DAY, DAY.plusDays(1)).get(lookup).runs()).isEqualTo(6);
        assertThat(figures(DAY.minusDays(1), DAY.minusDays(1))).doesNotContainKey(lookup);
    }

    @Test
    void callsTheAssistantMadeShowInTheActionsReport() throws Exception {
        String name = "order_status_" + UUID.randomUUID().toString().substring(0, 8);
        ActionDefinition status = actions.save(Actor.SYSTEM, new ActionDefinition(null, name, "Where an order is",
                List.of(), List.of(new Input("order", Type.INTEGER, Source.ASK, true, null, List.of(), null, false)),
                new Request("GET", shop.baseUrl() + "/orders/{{order}}", Map.of(), null), null,
                List.of(new ResponseField("status", "$.status", true, false)), "Order {{order}} is {{status}}.",
                Risk.READ, false, null, false, 10_000, null, null, "{\"status\":\"packed\"}"));
        actions.run(status.id(), new ActionContext(UUID.randomUUID(), null, Map.of("order", "1001"), false, false));
        actions.run(status.id(), new ActionContext(UUID.randomUUID(), null, Map.of("order", "5003"), false, false));
        actions.run(status.id(), new ActionContext(null, null, Map.of("order", "1001"), false, true)); // test run
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(MockMvcRequestBuilders
                        .get("/api/v1/analytics/actions").param("from", today.minusDays(1).toString())
                        .param("to", today.plusDays(1).toString()).with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions[?(@.action == '" + name + "')].runs").value(2))
                .andExpect(jsonPath("$.actions[?(@.action == '" + name + "')].failures").value(1))
                .andExpect(jsonPath("$.actions[?(@.action == '" + name + "')].failuresByType.HTTP_ERROR").value(1)));
        mvc.perform(MockMvcRequestBuilders.get("/analytics").with(user(supervisor)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(name)));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/analytics/actions").param("from", "2020-02-10")
                        .param("to", "2020-02-01").with(user(supervisor)))
                .andExpect(status().isBadRequest());
    }

    private Map<String, ActionFigures> figures(LocalDate from, LocalDate to) {
        Map<String, ActionFigures> byName = new java.util.HashMap<>();
        reports.actions(new AnalyticsFilter(from, to, null, null)).forEach(f -> byName.put(f.action(), f));
        return byName;
    }

    private void publish(ActionExecuted event) {
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
    }

    private static ActionExecuted run(UUID actionId, String name, boolean succeeded, Integer http, long latency,
            String type, boolean mock, int hour) {
        Instant at = DAY.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(hour));
        return new ActionExecuted(UUID.randomUUID(), actionId, name, UUID.randomUUID(), succeeded, http, latency,
                type, mock, at);
    }
}
