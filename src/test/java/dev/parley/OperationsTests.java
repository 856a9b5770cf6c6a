package dev.parley;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** What operators and integrators rely on: health, metrics, API docs, the widget script and demo page. */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void healthIsUpWithLivenessAndReadiness() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        // Readiness (and the overall status) waits for the assistant's index and scorer after a start; this test
        // may be the first to use its application context.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void everyRouteHasRoomInTheRequestMetricsWithAMarginForGrowth(
            @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
            org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping routes,
            @Autowired org.springframework.core.env.Environment environment) {
        long patterns = routes.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()).distinct().count();
        int limit = environment.getRequiredProperty("management.metrics.web.server.max-uri-tags", Integer.class);
        // the limit counts uri tags (one per route, plus a few such as NOT_FOUND): past it, requests go unrecorded
        org.assertj.core.api.Assertions.assertThat(patterns).isGreaterThan(100).isLessThan(limit * 3L / 4);
    }

    @Test
    void openApiDocumentsTheWidgetApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/widget/conversations'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widget/conversations/{id}/messages'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/widget/conversations/{id}/events'].get").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void servesTheWidgetScriptAndTheDemoPage() throws Exception {
        mvc.perform(get("/widget.js")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("attachShadow")));
        mvc.perform(get("/widget/message-format.js")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("ParleyMessageFormat")));
        mvc.perform(get("/demo")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/widget.js")));
    }

    @Test
    void unknownApiPathsAnswerWithAProblemNotAnErrorPage() throws Exception {
        mvc.perform(get("/api/v1/widget/nothing-here")).andExpect(status().isNotFound());
    }
}
