package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationSettings;
import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A site that asks for a name, an email and a topic before the chat, and has turned the handoff button off. */
@SpringBootTest(properties = {"parley.widget.conversations-per-hour=1000", "parley.widget.pre-chat.enabled=true",
    "parley.widget.pre-chat.categories=Billing,orders", "parley.widget.talk-to-person=false"})
@AutoConfigureMockMvc
class WidgetPreChatTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Conversations conversations;
    @Autowired
    Contacts contacts;
    @Autowired
    ConversationSettings conversationSettings;

    @Test
    void theWidgetIsToldWhichFormToShow() throws Exception {
        mvc.perform(get("/api/v1/widget/config"))
                .andExpect(jsonPath("$.talkToPerson").value(false))
                .andExpect(jsonPath("$.preChat.requireEmail").value(true))
                .andExpect(jsonPath("$.preChat.categories[0].value").value("billing"))
                .andExpect(jsonPath("$.preChat.categories[0].label").value("Billing"))
                .andExpect(jsonPath("$.preChat.categories[1].value").value("orders"));
    }

    @Test
    void aStartWithoutTheAnswersIsRefusedWithEveryMissingOneNamed() throws Exception {
        mvc.perform(start("{\"message\":\"hi\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Please enter your name. Please enter your email address."));
        mvc.perform(start("{\"name\":\"Kim\",\"email\":\"kim@example.com\",\"category\":\"technical\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Please choose a topic from the list."));
        mvc.perform(start("{\"name\":\"Kim\",\"email\":\"not-an-address\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("email")));
    }

    @Test
    void theAnswersFillTheContactAndTheCategory() throws Exception {
        String email = "kim-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String body = mvc.perform(start("{\"name\":\" Kim Lee \",\"email\":\"" + email + "\",\"category\":\"Orders\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        Conversation c = conversations.get(UUID.fromString(json.readTree(body).get("conversationId").asString()));
        assertThat(c.category()).isEqualTo("orders");
        assertThat(c.customer().name()).isEqualTo("Kim Lee");
        assertThat(contacts.find(c.contactId())).get().satisfies(contact -> {
            assertThat(contact.email()).isEqualTo(email);
            assertThat(contact.name()).isEqualTo("Kim Lee");
        });
    }

    @Test
    void theHandoffButtonCanBeTurnedOff() throws Exception {
        String body = mvc.perform(start("{\"name\":\"Kim\",\"email\":\"kim@example.com\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var c = json.readTree(body);
        mvc.perform(post("/api/v1/widget/conversations/" + c.get("conversationId").asString() + "/handoff")
                        .header("Authorization", "Bearer " + c.get("token").asString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFormCategoryOutsideTheConversationCategoriesStopsTheStartWithTheReason() {
        var settings = new WidgetEntrySettings(true, new WidgetEntrySettings.PreChat(true, true, List.of("gardening")));
        assertThatThrownBy(() -> new WidgetPreChat(settings, conversationSettings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parley.widget.pre-chat.categories [gardening]");
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder start(String body) {
        return post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
