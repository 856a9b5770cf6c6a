package dev.parley.channel.email;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Inboxes;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The admin page of email inboxes: passwords go in, encrypted, and never come out; bad input is explained. */
@SpringBootTest
@AutoConfigureMockMvc
class EmailInboxPagesTests {

    /** A database of its own: the inboxes made here must not become other test classes' inboxes. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownData(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-email-pages-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:email-pages-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Inboxes inboxes;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminAddsAnInboxWhosePasswordIsStoredEncryptedAndNeverShown() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String address = "help-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";

        mvc.perform(post("/admin/email-inboxes").with(user(admin)).with(csrf()).param("name", "Help desk")
                        .param("address", address).param("imapUrl", "imaps://help%40acme.test@imap.acme.test:993/INBOX")
                        .param("imapPassword", "p@ss/word 1").param("smtpUrl", "smtp://help%40acme.test@smtp.acme.test")
                        .param("smtpPassword", "p@ss/word 2").param("pollSeconds", "60").param("assistantMode", "DRAFT"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));

        var inbox = inboxes.byAddress("email", address).orElseThrow();
        var mailbox = mailboxes.find(inbox.id()).orElseThrow();
        assertThat(mailbox.imap().password()).isEqualTo("p@ss/word 1");
        assertThat(mailbox.smtp().password()).isEqualTo("p@ss/word 2");
        assertThat(jdbc.sql("SELECT imap_url || smtp_url FROM email_mailbox WHERE inbox_id = :id")
                .param("id", inbox.id()).query(String.class).single()).doesNotContain("word");
        mvc.perform(get("/admin/email-inboxes").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(address), containsString("Help desk"),
                        not(containsString("p@ss")), not(containsString("word%201")))));
    }

    @Test
    void aBadServerAddressIsExplainedOnThePage() throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));

        mvc.perform(post("/admin/email-inboxes").with(user(admin)).with(csrf()).param("name", "Broken")
                        .param("address", "broken-page@acme.test").param("imapUrl", "https://not-mail.example")
                        .param("smtpUrl", "smtp://smtp.acme.test"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("formError", containsString("imap")));
        assertThat(inboxes.byAddress("email", "broken-page@acme.test")).isEmpty();
    }

    @Test
    void onlyAdminsSeeThePage() throws Exception {
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));

        mvc.perform(get("/admin/email-inboxes").with(user(agent))).andExpect(status().isForbidden());
    }
}
