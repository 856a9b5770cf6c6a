package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.PersonalTexts;
import dev.parley.conversation.Reader;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.UnreadableSubject;
import dev.parley.encryption.TestKeys;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class InboxPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    JdbcClient jdbc;

    @Test
    void inboxListsEscalationsWithReasonConfidenceAndEscapedText() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = conversationSaying("<script>alert(1)</script> " + marker);
        conversations.escalate(id, EscalationReason.LOW_CONFIDENCE, 0.42);

        mvc.perform(get("/inbox").param("view", "all").param("q", marker).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>alert(1)</script>")),
                        containsString("Assistant not sure"),
                        containsString("data-view=\"escalated\""),
                        org.hamcrest.Matchers.matchesPattern("(?s).*class=\"count\">\\d+</span>.*"),
                        containsString(id.toString()))));
        mvc.perform(get("/inbox/list").param("view", "escalated").param("q", marker).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(id.toString()), not(containsString("<html")),
                        not(containsString("<body")), not(containsString("class=\"topbar\"")))));
        mvc.perform(get("/inbox").param("status", "NOPE").with(user(agent))).andExpect(status().isBadRequest());
    }

    @Test
    void thePagerSaysWhichPageOfHowManyGoesToTheLastPageFromBeyondItAndCountsInTheSingularForOne() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String marker = "n" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 26; i++) { // a page holds 25
            conversations.start(new NewConversation("web", new Customer("Kim " + marker, null, null),
                    SourceDetails.none(), null));
        }
        mvc.perform(get("/inbox").param("view", "all").param("q", marker).with(user(agent)))
                .andExpect(content().string(containsString("Page 1 of 2 · 26 conversations")));
        mvc.perform(get("/inbox").param("view", "all").param("q", marker).param("page", "1").with(user(agent)))
                .andExpect(content().string(containsString("Page 2 of 2 · 26 conversations")));
        // past the end (conversations left the view while the agent paged, an old link): the last page
        mvc.perform(get("/inbox").param("view", "all").param("q", marker).param("page", "7").with(user(agent)))
                .andExpect(content().string(allOf(containsString("Page 2 of 2 · 26 conversations"),
                        containsString("&amp;page=0\">Previous"), not(containsString("Nothing here")))));
        mvc.perform(get("/inbox?view=all&q=" + marker + "&page=-3").with(user(agent)))
                .andExpect(content().string(allOf(containsString("Page 1 of 2"),
                        containsString("/inbox?view=all&amp;q=" + marker + "&amp;page=1\">Next"))));
        String single = "s" + UUID.randomUUID().toString().substring(0, 8);
        conversationSaying("Only one " + single);
        mvc.perform(get("/inbox").param("view", "all").param("q", single).with(user(agent)))
                .andExpect(content().string(allOf(containsString(">1 conversation<"), not(containsString("Page ")))));
    }

    @Test
    void aConversationWhoseSealedSubjectCannotBeOpenedIsListedAsUnreadableTheOthersStillShowAndItsOwnPageSaysWhy() throws Exception {
        String marker = "u" + UUID.randomUUID().toString().substring(0, 8);
        UUID damaged = conversationSaying("Damaged " + marker);
        UUID intact = conversationSaying("Intact " + marker);
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        try (var unreadable = UnreadableSubject.of(jdbc, damaged)) {
            for (String page : List.of("/inbox", "/inbox/pane")) { // the inbox and the list beside a conversation
                mvc.perform(get(page).param("view", "all").param("q", marker).with(user(agent)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(allOf(containsString(damaged.toString()),
                                containsString(intact.toString()), containsString("Intact " + marker),
                                containsString(PersonalTexts.UNREADABLE))));
            }
            // opened on its own it cannot be shown, but the page says why and what to do
            mvc.perform(get("/inbox/conversations/" + damaged).with(user(agent)))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().string(allOf(containsString("Unreadable data"),
                            containsString("restore the missing key"))));
        }
    }

    @Test
    void aMessageThatCannotBeDecryptedReadsAsUnreadableForTheAgentAndTheCustomerAndTheRestOfTheChatStillShows()
            throws Exception {
        String marker = "w" + UUID.randomUUID().toString().substring(0, 8);
        String started = mvc.perform(post("/api/v1/widget/conversations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\":\"Please connect me to a human about " + marker + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(started.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
        String bearer = "Bearer " + started.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        conversations.postReply(id, dev.parley.conversation.AuthorType.AGENT, null, "Grace",
                "Grace here, reading " + marker, false);
        // the customer's first message, sealed with a key id this server does not have (a lost key, a bad restore)
        String sealed = jdbc.sql("SELECT body FROM message WHERE conversation_id = :id AND author_type = 'CUSTOMER'")
                .param("id", id).query(String.class).single();
        jdbc.sql("UPDATE message SET body = :s WHERE conversation_id = :id AND author_type = 'CUSTOMER'")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", id).update();
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        try {
            mvc.perform(get("/inbox/conversations/" + id).with(user(agent))).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(PersonalTexts.UNREADABLE),
                            containsString("Grace here, reading " + marker))));
            mvc.perform(get("/api/v1/widget/conversations/" + id + "/messages").header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString(PersonalTexts.UNREADABLE),
                            containsString("Grace here, reading " + marker))));
            // the API gives data others may keep: it says the conversation cannot be read instead of a placeholder
            mvc.perform(get("/api/v1/conversations/" + id).with(user(agent)))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().string(containsString("Unreadable data")));
        } finally { // the database is shared with other test classes, some of which read every message
            jdbc.sql("UPDATE message SET body = :s WHERE conversation_id = :id AND author_type = 'CUSTOMER'")
                    .param("s", sealed).param("id", id).update();
        }
    }

    @Test
    void anAgentCanOrderTheInboxNewestFirstAndTheViewsKeepThatOrder() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String marker = "o" + UUID.randomUUID().toString().substring(0, 8);
        UUID older = conversationSaying("Where is my parcel " + marker);
        UUID newer = conversationSaying("Refund please " + marker);
        String page = mvc.perform(get("/inbox").param("view", "all").param("q", marker).param("sort", "newest")
                        .with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("data-conversation-id=\"" + newer + "\""))
                .isPositive().isLessThan(page.indexOf("data-conversation-id=\"" + older + "\""));
        assertThat(page).containsPattern("<option value=\"newest\" selected=\"selected\">Newest first</option>")
                .contains("sort=newest");
        // the list beside an open conversation takes the same order (the tab remembers the inbox's query)
        String pane = mvc.perform(get("/inbox/pane").param("view", "all").param("q", marker).param("sort", "newest")
                        .with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pane.indexOf("data-conversation-id=\"" + newer + "\""))
                .isPositive().isLessThan(pane.indexOf("data-conversation-id=\"" + older + "\""));
        String waiting = mvc.perform(get("/inbox").param("view", "all").param("q", marker).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(waiting.indexOf("data-conversation-id=\"" + older + "\""))
                .isPositive().isLessThan(waiting.indexOf("data-conversation-id=\"" + newer + "\""));
        mvc.perform(get("/inbox").param("sort", "loudest").with(user(agent)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("sort must be one of")));
    }

    @Test
    void theListBesideAConversationShowsTheViewWithTheOpenOneMarked() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String marker = "p" + UUID.randomUUID().toString().substring(0, 8);
        UUID open = conversationSaying("Where is my parcel " + marker);
        UUID other = conversationSaying("<b>Refund</b> " + marker);
        mvc.perform(get("/inbox/pane").param("view", "all").param("q", marker).param("selected", open.toString())
                        .with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-conversation-id=\"" + open + "\""),
                        containsString("data-conversation-id=\"" + other + "\""),
                        org.hamcrest.Matchers.matchesPattern("(?s).*class=\"pane-item current\"\\s+data-conversation-id=\""
                                + open + "\".*"),
                        containsString("aria-current=\"page\""), containsString("&lt;b&gt;Refund&lt;/b&gt;"),
                        containsString("All · 2"), not(containsString("<body")), not(containsString("topbar")))));
        mvc.perform(get("/inbox/pane").param("selected", "not-a-uuid").with(user(agent)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/inbox/pane").param("view", "nope").with(user(agent))).andExpect(status().isBadRequest());
    }

    @Test
    void conversationPageShowsNotesApartAndMarksTheTranscriptRead() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = conversationSaying("My invoice is wrong");
        mvc.perform(post("/inbox/conversations/" + id + "/messages").with(user(agent)).with(csrf())
                        .param("text", "Customer is a VIP").param("internal", "true"))
                .andExpect(redirectedUrl("/inbox/conversations/" + id));
        mvc.perform(get("/inbox/conversations/" + id).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("My invoice is wrong"),
                        containsString("Customer is a VIP"), containsString("Internal note"),
                        containsString("message from-agent note"))));
        long last = conversations.transcript(id, 0, 100).getLast().seq();
        assertThat(conversations.readMarker(id, Reader.AGENT)).isEqualTo(last);
    }

    @Test
    void aMalformedFormFieldGetsAPageSayingWhichFieldIsWrong() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = conversationSaying("Which team handles refunds?");
        mvc.perform(post("/inbox/conversations/" + id + "/team").with(user(agent)).with(csrf()).param("teamId", "zzz"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("teamId must be an id")));
        mvc.perform(post("/inbox/conversations/" + id + "/messages").with(user(agent)).with(csrf())
                        .param("text", "hi").param("internal", "maybe"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("internal must be true or false")));
        mvc.perform(post("/inbox/conversations/" + id + "/status").with(user(agent)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("status is required")));
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        mvc.perform(post("/admin/agents").with(user(admin)).with(csrf()).param("name", "Eve")
                        .param("email", "eve-" + UUID.randomUUID() + "@example.com").param("role", "GOD"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("role must be one of [AGENT, SUPERVISOR, ADMIN]")));
    }

    @Test
    void htmxRepliesReturnTheTranscriptFragment() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        UUID id = conversationSaying("Can you help?");
        mvc.perform(post("/inbox/conversations/" + id + "/messages").with(user(agent)).with(csrf())
                        .header("HX-Request", "true").param("text", "Sure thing").param("internal", "false"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"transcript\""), containsString("Sure thing"),
                        not(containsString("<html")))));
    }

    @Test
    void cannedRepliesAreFilledInForTheConversation() throws Exception {
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String shortcut = "greet" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/inbox/canned").with(user(agent)).with(csrf())
                .param("shortcut", shortcut).param("title", "Greeting").param("body", "Hi")).andExpect(status().isForbidden());
        mvc.perform(post("/inbox/canned").with(user(supervisor)).with(csrf()).param("shortcut", shortcut)
                        .param("title", "Greeting").param("body", "Hi {{customer.name}}, {{agent.name}} here."))
                .andExpect(status().isFound());
        UUID id = conversationSaying("Hello");
        mvc.perform(get("/inbox/conversations/" + id).with(user(agent)))
                .andExpect(content().string(containsString("Hi Robin, " + agent.name() + " here.")));
    }

    @Test
    void supervisorsSetAnAgentOfflineAndAgentsMayNot() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        mvc.perform(get("/inbox/team").with(user(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString(agent.id().toString())));
        mvc.perform(post("/inbox/team/" + supervisor.id() + "/presence").with(user(agent)).with(csrf())
                .param("status", "OFFLINE")).andExpect(status().isForbidden());
        mvc.perform(post("/inbox/team/" + agent.id() + "/presence").with(user(supervisor)).with(csrf())
                .param("status", "OFFLINE")).andExpect(redirectedUrl("/inbox/team"));
        mvc.perform(post("/inbox/team/" + agent.id() + "/presence").with(user(supervisor)).with(csrf())
                .param("status", "NAPPING")).andExpect(status().isBadRequest());
    }

    @Test
    void theLiveStreamIsForSignedInAgents() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/dashboard/events").with(user(agent))).andExpect(request().asyncStarted());
        mvc.perform(get("/dashboard/events")).andExpect(status().isUnauthorized());
    }

    private UUID conversationSaying(String text) {
        UUID id = conversations.start(new NewConversation("web", new Customer("Robin", null, null),
                SourceDetails.none(), null)).conversation().id();
        flow.receive(id, new IncomingMessage(text, null));
        return id;
    }
}
