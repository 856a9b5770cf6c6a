package dev.parley.channel.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = "parley.widget.conversations-per-hour=1000")
@AutoConfigureMockMvc
class WidgetSatisfactionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;

    @Test
    void anOpenConversationCannotBeRatedYet() throws Exception {
        JsonNode c = start();
        mvc.perform(call(c, "/rating", "{\"rating\":5}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("A conversation can be rated once it is resolved; it is OPEN"));
    }

    @Test
    void endingTheChatResolvesItAndItCanBeRatedOnce() throws Exception {
        JsonNode c = start();
        mvc.perform(call(c, "/end", "")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"));
        mvc.perform(call(c, "/rating", "{\"rating\":4,\"comment\":\"Quick and friendly\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value(4));
        mvc.perform(call(c, "/rating", "{\"rating\":1}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This conversation has already been rated"));
    }

    @Test
    void ratingsOutsideOneToFiveAreRejected() throws Exception {
        JsonNode c = start();
        conversations.changeStatus(UUID.fromString(c.get("conversationId").asString()), ConversationStatus.RESOLVED);
        mvc.perform(call(c, "/rating", "{\"rating\":6}")).andExpect(status().isBadRequest());
        mvc.perform(call(c, "/rating", "{\"rating\":0}")).andExpect(status().isBadRequest());
        mvc.perform(call(c, "/rating", "{}")).andExpect(status().isBadRequest());
    }

    @Test
    void ratingNeedsTheConversationsToken() throws Exception {
        JsonNode c = start();
        mvc.perform(post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/rating")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":5}"))
                .andExpect(status().isUnauthorized());
    }

    private JsonNode start() throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; }))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder call(JsonNode c, String path,
            String body) {
        return post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + path)
                .header("Authorization", "Bearer " + c.get("token").asString())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
