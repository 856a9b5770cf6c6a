package dev.parley.channel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.support.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = {"parley.widget.conversations-per-hour=2", "parley.widget.messages-per-minute=3",
        "parley.widget.typing-per-minute=2", "parley.widget.contact-changes-per-hour=1"})
@AutoConfigureMockMvc
class WidgetRateLimitTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;

    /** Time stands still mid-window: the limits' fixed windows never roll over during a test. */
    @TestConfiguration
    static class StillClock {

        @Bean
        @Primary
        MutableClock stillClock() {
            return new MutableClock(Instant.parse("2026-01-05T10:20:30Z"));
        }
    }

    @Test
    void tooManyNewConversationsFromOneAddressGet429WithRetryAfter() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(from("192.0.2.10", post("/api/v1/widget/conversations")).content("{}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(from("192.0.2.10", post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.title").value("Too many requests"));
        mvc.perform(from("192.0.2.11", post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isCreated());
    }

    @Test
    void tooManyMessagesPerMinuteGet429AndEarlierMessagesStayStored() throws Exception {
        var response = mvc.perform(from("192.0.2.20", post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = response.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1");
        String token = response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 3; i++) {
            mvc.perform(from("192.0.2.20", post("/api/v1/widget/conversations/" + id + "/messages"))
                            .header("Authorization", "Bearer " + token).content("{\"text\":\"message " + i + "\"}"))
                    .andExpect(status().isCreated());
        }
        mvc.perform(from("192.0.2.20", post("/api/v1/widget/conversations/" + id + "/messages"))
                        .header("Authorization", "Bearer " + token).content("{\"text\":\"one too many\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"));
        clock.advance(java.time.Duration.ofSeconds(30));
        mvc.perform(from("192.0.2.20", post("/api/v1/widget/conversations/" + id + "/messages"))
                        .header("Authorization", "Bearer " + token).content("{\"text\":\"next minute\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void theFirstMessageOfANewConversationCountsAgainstTheMessageLimit() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(from("192.0.2.30", post("/api/v1/widget/conversations")).content("{\"message\":\"hello " + i + "\"}"))
                    .andExpect(status().isCreated());
        }
        String[] started = start("192.0.2.31");
        mvc.perform(from("192.0.2.30", post("/api/v1/widget/conversations/" + started[0] + "/messages"))
                        .header("Authorization", "Bearer " + started[1]).content("{\"text\":\"third\"}"))
                .andExpect(status().isCreated());
        mvc.perform(from("192.0.2.30", post("/api/v1/widget/conversations/" + started[0] + "/messages"))
                        .header("Authorization", "Bearer " + started[1]).content("{\"text\":\"fourth\"}"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void typingAndContactChangesAreLimitedPerAddress() throws Exception {
        String[] started = start("192.0.2.40");
        for (int i = 0; i < 2; i++) {
            mvc.perform(from("192.0.2.40", post("/api/v1/widget/conversations/" + started[0] + "/typing"))
                            .header("Authorization", "Bearer " + started[1]).content("{\"typing\":true}"))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(from("192.0.2.40", post("/api/v1/widget/conversations/" + started[0] + "/typing"))
                        .header("Authorization", "Bearer " + started[1]).content("{\"typing\":true}"))
                .andExpect(status().isTooManyRequests());
        String contact = "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}";
        mvc.perform(from("192.0.2.40", post("/api/v1/widget/conversations/" + started[0] + "/contact"))
                        .header("Authorization", "Bearer " + started[1]).content(contact))
                .andExpect(status().isOk());
        mvc.perform(from("192.0.2.40", post("/api/v1/widget/conversations/" + started[0] + "/contact"))
                        .header("Authorization", "Bearer " + started[1]).content(contact))
                .andExpect(status().isTooManyRequests());
    }

    private String[] start(String ip) throws Exception {
        String response = mvc.perform(from(ip, post("/api/v1/widget/conversations")).content("{}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new String[] {response.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"),
            response.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1")};
    }

    private static MockHttpServletRequestBuilder from(String ip, MockHttpServletRequestBuilder request) {
        return request.contentType(MediaType.APPLICATION_JSON).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }
}
