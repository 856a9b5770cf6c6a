package dev.parley.channel.admin;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Admins set up SMS, WhatsApp and API inboxes on pages of their own: what to configure at the provider is shown,
 * secrets go in and never come out, bad input is explained, and only admins get there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelInboxPagesTests {

    /** A database of its own: the inboxes made here must not become other test classes' inboxes. */
    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-channel-pages-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:channel-pages-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Inboxes inboxes;

    AgentPrincipal admin;

    @BeforeEach
    void signIn() {
        admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
    }

    @Test
    void anAdminAddsAnSmsInboxAndSeesTheUrlsToSetAtTwilioButNeverTheToken() throws Exception {
        String number = "+1415555" + (1000 + (int) (Math.random() * 8999));
        mvc.perform(post("/admin/sms-inboxes").with(user(admin)).with(csrf()).param("name", "Shop texts")
                        .param("phoneNumber", number).param("accountSid", "AC" + "0".repeat(32))
                        .param("authToken", "tw-secret-token-1").param("assistantMode", "DRAFT"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("/api/v1/channels/twilio/")));
        Inbox inbox = inboxes.byAddress("sms", number).orElseThrow();
        assertThat(inbox.assistantMode()).isEqualTo(AssistantMode.DRAFT);

        mvc.perform(get("/admin/sms-inboxes").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shop texts"), containsString(number),
                        containsString("/api/v1/channels/twilio/" + inbox.id() + "/messages"),
                        containsString("/api/v1/channels/twilio/" + inbox.id() + "/status"),
                        not(containsString("tw-secret-token-1")))));
    }

    @Test
    void aMissingTokenOrABadNumberIsExplainedAndNothingIsAdded() throws Exception {
        mvc.perform(post("/admin/sms-inboxes").with(user(admin)).with(csrf()).param("name", "Broken")
                        .param("phoneNumber", "call me").param("accountSid", "AC1").param("authToken", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
        assertThat(inboxes.byAddress("sms", "call me")).isEmpty();

        mvc.perform(post("/admin/whatsapp-inboxes").with(user(admin)).with(csrf()).param("name", "No token")
                        .param("phoneNumberId", "99887766").param("appSecret", "s").param("verifyToken", "v"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", containsString("access token")));
        assertThat(inboxes.byAddress("whatsapp", "99887766")).isEmpty();

        mvc.perform(post("/admin/api-inboxes").with(user(admin)).with(csrf()).param("name", "Loopback")
                        .param("callbackUrl", "not a url"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("formError"));
    }

    @Test
    void aWhatsAppInboxAddedOnThePageOrByTheApiShowsItsCallbackUrlAndNoSecret() throws Exception {
        String phoneNumberId = String.valueOf(100000000L + (long) (Math.random() * 800000000L));
        mvc.perform(post("/admin/whatsapp-inboxes").with(user(admin)).with(csrf()).param("name", "Shop WhatsApp")
                        .param("phoneNumberId", phoneNumberId).param("accessToken", "EAAG-access-1")
                        .param("appSecret", "app-secret-1").param("verifyToken", "verify-1")
                        .param("templateName", "follow_up"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("/api/v1/channels/whatsapp/")));
        Inbox inbox = inboxes.byAddress("whatsapp", phoneNumberId).orElseThrow();

        mvc.perform(get("/admin/whatsapp-inboxes").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shop WhatsApp"), containsString("follow_up"),
                        containsString("/api/v1/channels/whatsapp/" + inbox.id() + "/webhook"),
                        not(containsString("EAAG-access-1")), not(containsString("app-secret-1")),
                        not(containsString("verify-1")))));
        mvc.perform(get("/api/v1/channels/whatsapp/" + inbox.id() + "/webhook").param("hub.mode", "subscribe")
                        .param("hub.verify_token", "verify-1").param("hub.challenge", "4242"))
                .andExpect(status().isOk()).andExpect(content().string("4242"));

        String second = phoneNumberId + "1";
        mvc.perform(post("/api/v1/admin/whatsapp-inboxes").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "API WhatsApp", "phoneNumberId": "%s", "accessToken": "t", "appSecret": "s",
                                 "verifyToken": "v"}""".formatted(second)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.webhookUrl", containsString("/api/v1/channels/whatsapp/")))
                .andExpect(content().string(not(containsString("\"t\""))));
        mvc.perform(post("/api/v1/admin/whatsapp-inboxes").with(user(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"name": "Again", "phoneNumberId": "%s", "accessToken": "t", "appSecret": "s",
                                 "verifyToken": "v"}""".formatted(second)))
                .andExpect(status().isConflict());
    }

    @Test
    void anApiInboxShowsItsKeyAndSecretOnceAndTheKeyOpensTheInbox() throws Exception {
        MvcResult created = mvc.perform(post("/admin/api-inboxes").with(user(admin)).with(csrf())
                        .param("name", "Telegram bridge").param("callbackUrl", "https://bridge.example.com/parley"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("created")).andReturn();
        // the flash attributes wait in the (shared, serialised) session the redirect's cookie names
        String page = mvc.perform(get("/admin/api-inboxes").with(user(admin))
                        .cookie(created.getResponse().getCookie("JSESSIONID")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String key = between(page, "<code id=\"api-key\">", "</code>");
        String secret = between(page, "<code id=\"signing-secret\">", "</code>");
        assertThat(key).startsWith("pik_");
        assertThat(secret).startsWith("whsec_");
        Inbox inbox = inboxes.all().stream().filter(i -> "Telegram bridge".equals(i.name())).findFirst().orElseThrow();

        mvc.perform(get("/admin/api-inboxes").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Telegram bridge"),
                        containsString("https://bridge.example.com/parley"), not(containsString(key)),
                        not(containsString(secret)))));
        mvc.perform(post("/api/v1/inboxes/" + inbox.id() + "/messages").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"contactId": "tg-1", "name": "Kim", "text": "Hello from Telegram", "messageId": "m-1"}"""))
                .andExpect(status().is2xxSuccessful());
    }

    @Test
    void theSettingsFormSwitchesAnInboxOffAndChangesItsAssistantThenReturnsToItsPage() throws Exception {
        Inbox inbox = inboxes.create("api", "Switchable", null, AssistantMode.ANSWER);

        mvc.perform(post("/admin/inboxes/" + inbox.id() + "/settings").with(user(admin)).with(csrf())
                        .param("assistantMode", "OFF").param("back", "/admin/api-inboxes"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/api-inboxes"));
        assertThat(inboxes.get(inbox.id()).assistantMode()).isEqualTo(AssistantMode.OFF);
        assertThat(inboxes.get(inbox.id()).enabled()).isFalse();

        mvc.perform(post("/admin/inboxes/" + inbox.id() + "/settings").with(user(admin)).with(csrf())
                        .param("assistantMode", "ANSWER").param("enabled", "true").param("back", "https://evil.example"))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(inboxes.get(inbox.id()).enabled()).isTrue();
    }

    @Test
    void onlyAdminsReachTheChannelPages() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        for (String page : new String[] {"/admin/sms-inboxes", "/admin/whatsapp-inboxes", "/admin/api-inboxes"}) {
            mvc.perform(get(page).with(user(agent))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(user(admin))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"/admin/sms-inboxes\"")));
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from));
    }
}
