package dev.parley.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With parley.identity.public-metrics, scrapers read metrics without a token; nothing else opens up. */
@SpringBootTest(properties = "parley.identity.public-metrics=true")
@AutoConfigureMockMvc
class PublicMetricsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void metricsArePublicButOtherManagementEndpointsAreNot() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
    }
}
