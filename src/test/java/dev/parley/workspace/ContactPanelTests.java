package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Contacts;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ContactPanelTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    Contacts contacts;

    @Test
    void theContactPanelShowsTheContactTheirOtherConversationsAndWhereTheWidgetStarted() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Conversation earlier = start("Pat Doe", email, SourceDetails.none());
        conversations.postReply(earlier.id(), dev.parley.conversation.AuthorType.AGENT, null, "Agent", "hi", true);
        Conversation current = start("Pat Doe", email, new SourceDetails("https://shop.example/checkout?step=2",
                "Mozilla/5.0 (X11) TestBrowser/1.0", "https://search.example/?q=<b>help</b>"));
        Conversation stranger = start("Someone Else", "x-" + UUID.randomUUID() + "@example.com", SourceDetails.none());

        mvc.perform(get("/inbox/conversations/" + current.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"contact\""), containsString(">Pat Doe</p>"), containsString(email),
                        containsString("Website chat"),
                        containsString("href=\"/inbox/conversations/" + earlier.id() + "\""),
                        not(containsString("/inbox/conversations/" + stranger.id() + "\"")),
                        containsString("href=\"https://shop.example/checkout?step=2\""),
                        containsString("rel=\"noopener noreferrer\""),
                        containsString("https://search.example/?q=&lt;b&gt;help&lt;/b&gt;"),
                        containsString("Mozilla/5.0 (X11) TestBrowser/1.0"),
                        containsString("action=\"/inbox/conversations/" + current.id() + "/contact\""))));
    }

    @Test
    void aPageUrlThatIsNotAWebAddressIsShownAsTextNeverAsALink() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        Conversation c = start("Sam", null, new SourceDetails("javascript:alert(1)", null, null));
        mvc.perform(get("/inbox/conversations/" + c.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("javascript:alert(1)"),
                        not(containsString("href=\"javascript:")))));
    }

    @Test
    void agentsCorrectTheContactAndABadEmailGetsAReadableError() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        Conversation c = start("Jo", "jo-" + UUID.randomUUID() + "@example.com", SourceDetails.none());
        String newEmail = "jo.new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        mvc.perform(post("/inbox/conversations/" + c.id() + "/contact").with(user(agent)).with(csrf())
                        .param("name", "Joanna Smith").param("email", newEmail))
                .andExpect(redirectedUrl("/inbox/conversations/" + c.id()));
        assertThat(contacts.get(c.contactId()).name()).isEqualTo("Joanna Smith");
        assertThat(contacts.get(c.contactId()).email()).isEqualTo(newEmail);

        mvc.perform(post("/inbox/conversations/" + c.id() + "/contact").with(user(agent)).with(csrf())
                        .header("HX-Request", "true").param("name", "Jo Typed").param("email", "not an email"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"contact\""),
                        containsString("email must be an email address"), containsString("value=\"not an email\""),
                        not(containsString("<html")))));
        mvc.perform(post("/inbox/conversations/" + c.id() + "/contact").with(user(agent)).with(csrf())
                        .param("email", "still@not"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("email must be an email address")));
        mvc.perform(post("/inbox/conversations/" + c.id() + "/contact").with(user(agent)).param("name", "No Csrf"))
                .andExpect(status().isForbidden());
        assertThat(contacts.get(c.contactId()).name()).isEqualTo("Joanna Smith");
    }

    @Test
    void theApiReadsAndCorrectsContactsWithProblemDetailsForBadInput() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        String email = "lee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Conversation c = start("Lee", email, SourceDetails.none());
        Conversation other = start("Other", "o-" + UUID.randomUUID() + "@example.com", SourceDetails.none());

        mvc.perform(get("/api/v1/conversations/" + c.id()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact.id").value(c.contactId().toString()))
                .andExpect(jsonPath("$.contact.email").value(email));
        mvc.perform(get("/api/v1/contacts/" + c.contactId()).with(user(agent)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lee"))
                .andExpect(jsonPath("$.handles[*].value").value(hasItem(email)));
        mvc.perform(patch("/api/v1/contacts/" + c.contactId()).with(user(agent)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Lee Park\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Lee Park"))
                .andExpect(jsonPath("$.email").value(email));
        mvc.perform(patch("/api/v1/contacts/" + c.contactId()).with(user(agent)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("email must be an email address"));
        mvc.perform(patch("/api/v1/contacts/" + c.contactId()).with(user(agent)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + contacts.get(other.contactId()).email() + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/contacts/" + UUID.randomUUID()).with(user(agent)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(patch("/api/v1/contacts/" + c.contactId()).with(user(agent)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("[1]"))
                .andExpect(status().isBadRequest());
    }

    private Conversation start(String name, String email, SourceDetails source) {
        return conversations.start(new NewConversation("web", new Customer(name, email, null), source, null))
                .conversation();
    }
}
