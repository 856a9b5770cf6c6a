package dev.parley.channel.webhook;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.Actor;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The admins' webhooks page: the secret is shown once on creation, never on the page; bad input is explained. */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Webhooks webhooks;

    @AfterEach
    void removeSubscriptions() {
        webhooks.all().forEach(s -> webhooks.delete(Actor.SYSTEM, s.id()));
    }

    @Test
    void anAdminSubscribesAndSeesTheSecretOnlyOnce() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String url = "https://crm.example/hooks/" + UUID.randomUUID();

        mvc.perform(post("/admin/webhooks").with(user(admin)).with(csrf()).param("url", url)
                        .param("events", "message.created").param("events", "csat.submitted"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("whsec_")));

        mvc.perform(get("/admin/webhooks").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(url), containsString("message.created, csat.submitted"),
                        not(containsString("whsec_")))));
        UUID id = webhooks.all().stream().filter(s -> s.url().equals(url)).findFirst().orElseThrow().id();
        mvc.perform(get("/admin/webhooks/" + id).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing sent yet")));
    }

    @Test
    void aBadSubscriptionIsExplainedAndAgentsCannotOpenThePage() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));

        mvc.perform(post("/admin/webhooks").with(user(admin)).with(csrf()).param("url", "https://crm.example/x"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("formError", containsString("events")));
        mvc.perform(get("/admin/webhooks").with(user(agent))).andExpect(status().isForbidden());
    }
}
