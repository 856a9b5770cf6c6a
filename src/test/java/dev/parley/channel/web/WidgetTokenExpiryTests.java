package dev.parley.channel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "parley.widget.token-ttl-after-close=2h")
@AutoConfigureMockMvc
class WidgetTokenExpiryTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Conversations conversations;

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
        }
    }

    @Test
    void aTokenStopsWorkingTheConfiguredTimeAfterTheConversationClosed() throws Exception {
        String response = mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(response.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
        String bearer = "Bearer " + response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        conversations.changeStatus(id, ConversationStatus.CLOSED);

        clock.advance(Duration.ofMinutes(119));
        mvc.perform(get("/api/v1/widget/conversations/" + id + "/messages").header("Authorization", bearer))
                .andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/widget/conversations/" + id + "/messages").header("Authorization", bearer))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/widget/conversations/" + id + "/events").header("Authorization", bearer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget/conversations/" + id + "/contact").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"eve@example.com\"}"))
                .andExpect(status().isForbidden());
    }
}
