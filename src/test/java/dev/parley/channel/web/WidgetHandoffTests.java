package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The widget's "Talk to a person" button (on by default) and the pre-chat form (off by default). */
@SpringBootTest(properties = "parley.widget.conversations-per-hour=1000")
@AutoConfigureMockMvc
class WidgetHandoffTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;

    @Test
    void theWidgetOffersTheButtonAndNoFormByDefault() throws Exception {
        mvc.perform(get("/api/v1/widget/config"))
                .andExpect(jsonPath("$.talkToPerson").value(true))
                .andExpect(jsonPath("$.preChat").doesNotExist());
    }

    @Test
    void theButtonHandsTheChatToPeopleAsAskingForAPersonDoes() throws Exception {
        JsonNode c = start("{}");
        UUID id = UUID.fromString(c.get("conversationId").asString());
        mvc.perform(handoff(c)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ESCALATED"));
        assertThat(conversations.get(id).escalationReason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        var escalatedAt = conversations.get(id).escalatedAt();

        mvc.perform(handoff(c)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ESCALATED"));
        assertThat(conversations.get(id).escalatedAt()).isEqualTo(escalatedAt);
    }

    @Test
    void aPersonsChatStaysTheirsAndAnEndedChatIsNotHandedOver() throws Exception {
        JsonNode c = start("{}");
        UUID id = UUID.fromString(c.get("conversationId").asString());
        conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        mvc.perform(handoff(c)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        mvc.perform(handoff(c)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This conversation has ended; write a new message to start again"));
    }

    @Test
    void theButtonNeedsTheConversationsToken() throws Exception {
        JsonNode c = start("{}");
        mvc.perform(post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/handoff"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void withoutTheFormAStartNeedsNoNameButAValidCategoryIsStillChecked() throws Exception {
        start("{}");
        mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"gardening\"}"))
                .andExpect(status().isBadRequest());
    }

    private JsonNode start(String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private static MockHttpServletRequestBuilder handoff(JsonNode c) {
        return post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/handoff")
                .header("Authorization", "Bearer " + c.get("token").asString());
    }
}
