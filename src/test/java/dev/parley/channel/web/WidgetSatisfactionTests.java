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

    @Autowired
    dev.parley.identity.Agents agents;

    @Test
    void agentsSeeTheRatingOnTheConversationPage() throws Exception {
        JsonNode c = start();
        mvc.perform(call(c, "/end", "")).andExpect(status().isOk());
        mvc.perform(call(c, "/rating", "{\"rating\":4,\"comment\":\"Quick <b>and</b> friendly\"}"))
                .andExpect(status().isCreated());
        var agent = dev.parley.identity.TestAgents.principal(
                dev.parley.identity.TestAgents.create(agents, dev.parley.identity.Role.AGENT));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/inbox/conversations/" + c.get("conversationId").asString())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(agent)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Customer rating: 4 / 5"),
                                org.hamcrest.Matchers.containsString("Quick &lt;b&gt;and&lt;/b&gt; friendly"))));
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
