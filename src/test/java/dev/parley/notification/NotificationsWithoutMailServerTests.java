package dev.parley.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.time.Duration;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The default: no mail server. Nothing is sent, nothing waits to be sent, and the pages say so. */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationsWithoutMailServerTests {

    /** A database of its own: other test classes' email inboxes would otherwise serve as the fallback sender. */
    @org.springframework.test.context.DynamicPropertySource
    static void ownData(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-nomail-" + java.util.UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nomail-" + java.util.UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSettingsPageSaysEmailsAreNotAvailable() throws Exception {
        var me = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(get("/account/notifications").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"mail-unavailable\"")));
    }

    @Test
    void anAssignmentWithoutAMailServerLeavesNothingToRetry() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 0);
        UUID id = conversations.start(new NewConversation("web",
                new Customer("Hana", "hana-" + UUID.randomUUID() + "@example.com", null), SourceDetails.none(), null))
                .conversation().id();

        conversations.update(id, ConversationChanges.assignee(agent.id()));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                        + " WHERE listener_id LIKE 'dev.parley.notification.%' AND serialized_event LIKE :id")
                .param("id", "%" + id + "%").query(Long.class).single() == 0);
    }
}
