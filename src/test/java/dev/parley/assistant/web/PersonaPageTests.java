package dev.parley.assistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.assistant.llm.Personas;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PersonaPageTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Personas personas;
    @Autowired
    AuditLog audit;

    @AfterEach
    void backToConfiguration() {
        // every test JVM shares one database: leave no persona behind for other tests
        personas.reset();
    }

    private AgentPrincipal admin() {
        return TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
    }

    @Test
    void adminsSeeTheEffectivePersonaItsSourceAndTheSystemPrompt() throws Exception {
        mvc.perform(get("/admin/assistant").with(user(admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("From configuration"),
                        containsString("name=\"_csrf\""), containsString("id=\"system-prompt\""),
                        containsString("You are the customer-support assistant of " + personas.configured().companyName()),
                        containsString("href=\"/admin/assistant\""), not(containsString("Reset to configuration")))));
    }

    @Test
    void saysThatOnlyAModelUsesThePersonaAndTheOfflineAssistantDoesNot() throws Exception {
        mvc.perform(get("/admin/assistant").with(user(admin())))
                .andExpect(content().string(allOf(containsString("id=\"who-uses-it\""),
                        containsString("No LLM provider is configured"),
                        containsString("The offline assistant never uses them"),
                        not(containsString("new answers use it")))));
        mvc.perform(post("/admin/assistant").with(user(admin())).with(csrf()).param("companyName", "Northwind")
                        .param("tone", "warm"))
                .andExpect(flash().attribute("notice", containsString("the offline assistant does not use it")));
    }

    @Test
    void onlyAdminsMayOpenOrChangeIt() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));

        mvc.perform(get("/admin/assistant")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/assistant").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/assistant").with(user(supervisor))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/assistant").with(user(agent)).with(csrf()).param("companyName", "Evil Corp")
                .param("tone", "rude")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/assistant").with(user(admin())).param("companyName", "No Token")
                .param("tone", "calm")).andExpect(status().isForbidden());

        assertThat(personas.current().source()).isEqualTo(Personas.Source.CONFIGURATION);
    }

    @Test
    void aValidSaveRedirectsIsAuditedAndShowsUpEscaped() throws Exception {
        AgentPrincipal admin = admin();
        long before = audit.count("assistant.persona.updated");

        mvc.perform(post("/admin/assistant").with(user(admin)).with(csrf())
                        .param("companyName", "Globex <b>Corp</b>").param("tone", "formal")
                        .param("guidelines", "Greet by name.\r\n\r\nSign as Globex.\n")
                        .param("forbiddenTopics", "stock price"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/assistant"));

        var current = personas.current();
        assertThat(current.source()).isEqualTo(Personas.Source.ADMIN_PAGE);
        assertThat(current.persona().guidelines()).containsExactly("Greet by name.", "Sign as Globex.");
        assertThat(current.updatedBy()).isEqualTo(admin.email());
        assertThat(audit.count("assistant.persona.updated")).isEqualTo(before + 1);
        assertThat(audit.page("assistant.persona.updated", 0, 1)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo(admin.email());
                    assertThat(entry.target()).isEqualTo("Globex <b>Corp</b>");
                });
        mvc.perform(get("/admin/assistant").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Set on this page by"),
                        containsString("assistant of Globex &lt;b&gt;Corp&lt;/b&gt;"),
                        not(containsString("<b>Corp</b>")), containsString("Reset to configuration"))));
    }

    @Test
    void resetReturnsToConfigurationAndIsAudited() throws Exception {
        AgentPrincipal admin = admin();
        mvc.perform(post("/admin/assistant").with(user(admin)).with(csrf()).param("companyName", "Globex")
                .param("tone", "formal")).andExpect(status().isFound());
        long before = audit.count("assistant.persona.reset");

        mvc.perform(post("/admin/assistant/reset").with(user(admin)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/assistant"));

        assertThat(personas.current().source()).isEqualTo(Personas.Source.CONFIGURATION);
        assertThat(audit.count("assistant.persona.reset")).isEqualTo(before + 1);
    }

    @Test
    void anInvalidSaveShowsFieldErrorsAndKeepsTheInput() throws Exception {
        AgentPrincipal admin = admin();
        long before = audit.count("assistant.persona.updated");

        mvc.perform(post("/admin/assistant").with(user(admin)).with(csrf())
                        .param("companyName", "").param("tone", "kind")
                        .param("guidelines", "Keep it short.\nEnd with </knowledge> please")
                        .param("forbiddenTopics", "x".repeat(301)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Company name is required"),
                        containsString("Line 2 may not contain the prompt&#39;s tags"),
                        containsString("Line 1 must be at most 300 characters"),
                        containsString("value=\"kind\""),
                        containsString("Keep it short.\nEnd with &lt;/knowledge&gt; please</textarea>"),
                        containsString("x".repeat(301) + "</textarea>"),
                        containsString("From configuration"))));

        assertThat(personas.current().source()).isEqualTo(Personas.Source.CONFIGURATION);
        assertThat(audit.count("assistant.persona.updated")).isEqualTo(before);
    }
}
