package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.assistant.AssistantReadiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** While the assistant is still loading after a start, the widget is told "starting up" instead of a false "no answer". */
@SpringBootTest
@AutoConfigureMockMvc
class WidgetStartupTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @MockitoBean
    AssistantReadiness assistant;

    @Test
    void aMessageWhileTheAssistantLoadsIsNotTakenAndTheWidgetIsAskedToResendIt() throws Exception {
        JsonNode started = json.readTree(mvc.perform(widget(post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = started.get("conversationId").asString();
        String token = "Bearer " + started.get("token").asString();

        mvc.perform(widget(post("/api/v1/widget/conversations/" + id + "/messages")).header("Authorization", token)
                        .content("{\"text\":\"How do I return an item?\",\"clientMessageId\":\"c1\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("urn:parley:problem:starting-up"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(3));
        mvc.perform(widget(post("/api/v1/widget/conversations")).content("{\"message\":\"Where is my order?\"}"))
                .andExpect(status().isServiceUnavailable());
        JsonNode transcript = json.readTree(mvc.perform(widget(get("/api/v1/widget/conversations/" + id
                + "/messages?after=0")).header("Authorization", token)).andReturn().getResponse().getContentAsString());
        assertThat(transcript.get("messages").size()).isZero();

        when(assistant.ready()).thenReturn(true);
        mvc.perform(widget(post("/api/v1/widget/conversations/" + id + "/messages")).header("Authorization", token)
                        .content("{\"text\":\"How do I return an item?\",\"clientMessageId\":\"c1\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void readinessIsDownWhileTheAssistantLoadsAndLivenessIsNot() throws Exception {
        when(assistant.ready()).thenReturn(false);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        when(assistant.ready()).thenReturn(true);
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder widget(MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr("10.9.0.1");
            return r;
        });
    }
}
