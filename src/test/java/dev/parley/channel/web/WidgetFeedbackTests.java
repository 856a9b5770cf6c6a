package dev.parley.channel.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.support.ScriptedAssistant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget's "Did that help?" endpoint and the notice a waiting customer sees, over HTTP. */
@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.messages-per-minute=1000"})
@AutoConfigureMockMvc
@Import(ScriptedAssistant.class)
class WidgetFeedbackTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void yesConfirmsAndRepeatingItIsHarmless() throws Exception {
        JsonNode c = start("answerable: how do I reset my password");
        String answer = c.get("messages").get(1).get("id").asString();
        String body = "{\"messageId\":\"" + answer + "\",\"helpful\":true}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(call(c, "/feedback", body)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.verdict").value("CONFIRMED"))
                    .andExpect(jsonPath("$.status").value("AI_RESOLVED"))
                    .andExpect(jsonPath("$.message").doesNotExist());
        }
    }

    @Test
    void noHandsOverAndReturnsTheHandOverMessage() throws Exception {
        JsonNode c = start("answerable: how do I reset my password");
        String answer = c.get("messages").get(1).get("id").asString();
        mvc.perform(call(c, "/feedback", "{\"messageId\":\"" + answer + "\",\"helpful\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("NOT_HELPFUL"))
                .andExpect(jsonPath("$.status").value("ESCALATED"))
                .andExpect(jsonPath("$.message.authorType").value("SYSTEM"))
                .andExpect(jsonPath("$.message.text").value(startsWith("Sorry that didn't help")));
        mvc.perform(call(c, "/feedback", "{\"messageId\":\"" + answer + "\",\"helpful\":true}"))
                .andExpect(status().isConflict());
    }

    @Test
    void badInputIsAProblemAndOtherPeoplesConversationsStayClosed() throws Exception {
        JsonNode c = start("answerable: how do I reset my password");
        String answer = c.get("messages").get(1).get("id").asString();
        mvc.perform(call(c, "/feedback", "{\"messageId\":\"" + answer + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(call(c, "/feedback", "{\"messageId\":\"not-a-uuid\",\"helpful\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(call(c, "/feedback", "{\"messageId\":\"" + UUID.randomUUID() + "\",\"helpful\":true}"))
                .andExpect(status().isNotFound());

        JsonNode other = start("answerable: shipping times");
        mvc.perform(post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/feedback")
                        .header("Authorization", "Bearer " + other.get("token").asString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":\"" + answer + "\",\"helpful\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":\"" + answer + "\",\"helpful\":true}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/widget/conversations/" + UUID.randomUUID() + "/feedback")
                        .header("Authorization", "Bearer " + c.get("token").asString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"messageId\":\"" + answer + "\",\"helpful\":true}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCustomerWaitingForAPersonSeesOneNoticeInTheWidget() throws Exception {
        JsonNode c = start("I want a human");
        mvc.perform(call(c, "/messages", "{\"text\":\"Are you there?\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ESCALATED"))
                .andExpect(jsonPath("$.reply.authorType").value("SYSTEM"))
                .andExpect(jsonPath("$.reply.text").value(startsWith("Thanks")));
        mvc.perform(call(c, "/messages", "{\"text\":\"Hello??\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reply").doesNotExist());
    }

    private JsonNode start(String message) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":\"" + message + "\"}")
                        .with(r -> { r.setRemoteAddr("198.51.100.8"); return r; }))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder call(JsonNode c, String path, String body) {
        return post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + path)
                .header("Authorization", "Bearer " + c.get("token").asString())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
