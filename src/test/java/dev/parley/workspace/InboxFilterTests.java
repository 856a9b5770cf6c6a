package dev.parley.workspace;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundMessages;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
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
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class InboxFilterTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Inboxes inboxes;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Conversations conversations;

    @Test
    void theInboxFilterNarrowsTheListAndNamesEachConversationsInbox() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        Inbox billing = inboxes.create("test", "Billing " + word, "billing-" + word + "@acme.test", AssistantMode.OFF);
        UUID inBilling = arrivesIn(billing, "Refund " + word);
        UUID inChat = conversations.start(new NewConversation("web", new Customer("Kim", word + "@example.com", null),
                SourceDetails.none(), null)).conversation().id();

        mvc.perform(get("/inbox").param("view", "all").param("q", word).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(inBilling.toString()), containsString(inChat.toString()),
                        containsString("<select name=\"inbox\""), containsString("<th>Inbox</th>"),
                        containsString(">Billing " + word + "</td>"), containsString(">Website chat</td>"))));
        mvc.perform(get("/inbox").param("view", "all").param("q", word).param("inbox", billing.id().toString())
                        .with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(inBilling.toString()), not(containsString(inChat.toString())),
                        containsString("value=\"" + billing.id() + "\" selected"),
                        containsString("inbox=" + billing.id()))));
        mvc.perform(get("/inbox").param("inbox", "not-an-id").with(user(agent))).andExpect(status().isBadRequest());
    }

    @Test
    void theApiFiltersByInboxAndListsTheInboxes() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        Inbox sales = inboxes.create("test", "Sales " + word, "sales-" + word + "@acme.test", AssistantMode.DRAFT);
        UUID inSales = arrivesIn(sales, "Quote " + word);
        conversations.start(new NewConversation("web", new Customer("Kim", word + "@example.com", null),
                SourceDetails.none(), null));

        mvc.perform(get("/api/v1/conversations").param("inbox", sales.id().toString()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].conversation.id").value(inSales.toString()))
                .andExpect(jsonPath("$.items[0].conversation.inboxId").value(sales.id().toString()));
        mvc.perform(get("/api/v1/inboxes").with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem(Inboxes.WEBSITE_CHAT.toString())))
                .andExpect(jsonPath("$[?(@.id == '" + sales.id() + "')].name").value(hasItem("Sales " + word)))
                .andExpect(jsonPath("$[?(@.id == '" + sales.id() + "')].channelType").value(hasItem("test")))
                .andExpect(jsonPath("$[?(@.id == '" + sales.id() + "')].address").value(hasItem("sales-" + word + "@acme.test")))
                .andExpect(jsonPath("$[?(@.id == '" + sales.id() + "')].assistantMode").value(hasItem("DRAFT")))
                .andExpect(jsonPath("$[?(@.id == '" + sales.id() + "')].enabled").value(hasItem(true)));
        mvc.perform(get("/api/v1/inboxes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/conversations").param("inbox", "nope").with(user(agent)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private UUID arrivesIn(Inbox inbox, String subject) {
        String from = "c-" + UUID.randomUUID() + "@example.com";
        return inbound.receive(new InboundMessage(inbox.id(), List.of(ContactHandle.email(from)), "Robin",
                "<" + UUID.randomUUID() + "@example.com>", List.of(), null, subject, "Hello about " + subject,
                List.of(), null)).conversation().id();
    }
}
