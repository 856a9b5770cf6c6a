package dev.parley.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The agent's notification settings page, and how the dashboard learns about them. */
class NotificationPreferencesPageTests extends MailServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    NotificationPreferences preferences;

    @Test
    void theAccountPageLinksToNotificationSettings() throws Exception {
        AgentPrincipal me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/account").with(user(me)))
                .andExpect(content().string(Matchers.containsString("href=\"/account/notifications\"")));
    }

    @Test
    void newAgentsHaveEmailsAndDesktopNotificationsOnAndSoundOff() throws Exception {
        AgentPrincipal me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));

        assertThat(preferences.of(me.id())).isEqualTo(new NotificationPreference(me.id(), true, true, true, false));
        String page = mvc.perform(get("/account/notifications").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"_csrf\"").contains("name=\"sound\"").doesNotContain("id=\"mail-unavailable\"");
        assertThat(page.split("checked=\"checked\"", -1)).hasSize(5);
    }

    @Test
    void theFormSavesTheAgentsChoices() throws Exception {
        AgentPrincipal me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));

        mvc.perform(post("/account/notifications").with(user(me)).with(csrf())
                        .param("emailOnCustomerMessage", "true").param("sound", "true"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/notifications"));

        assertThat(preferences.of(me.id())).isEqualTo(new NotificationPreference(me.id(), false, true, false, true, false));
        mvc.perform(post("/account/notifications").with(user(me)).with(csrf()).param("emailOnAssignment", "true"))
                .andExpect(status().isFound());
        assertThat(preferences.of(me.id())).isEqualTo(new NotificationPreference(me.id(), true, false, false, false, false));
    }

    @Test
    void savingNeedsTheCsrfToken() throws Exception {
        AgentPrincipal me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(post("/account/notifications").with(user(me)).param("sound", "true")).andExpect(status().isForbidden());
        assertThat(preferences.of(me.id()).sound()).isFalse();
    }

    @Test
    void theDashboardCarriesTheAgentsDesktopNotificationSettings() throws Exception {
        AgentPrincipal me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        preferences.save(new NotificationPreference(me.id(), true, true, true, true));

        mvc.perform(get("/inbox").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-agent-id=\"" + me.id() + "\"")))
                .andExpect(content().string(Matchers.containsString("data-browser-notifications=\"true\"")))
                .andExpect(content().string(Matchers.containsString("data-sound=\"true\"")))
                .andExpect(content().string(Matchers.containsString("Enable desktop notifications")));
    }
}
