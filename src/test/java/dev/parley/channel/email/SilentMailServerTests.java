package dev.parley.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.SilentServer;
import dev.parley.channel.web.RawWidgetStreams;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.realtime.EventStreams;
import dev.parley.workspace.AgentMentioned;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mail server that accepts the connection and never answers holds only its own mailbox: mail to another mailbox,
 * on GreenMail's real IMAP server, is still taken at its poll interval, and the other scheduled jobs go on (a widget
 * its customer closes is counted out), and agents' mails waiting for it hold up no other module listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.email.idle=false", "parley.email.timeout=120s"})
class SilentMailServerTests {

    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final SilentServer SILENT_MAIL_SERVER = SilentServer.start();

    static {
        MAIL.start();
        MAIL.setUser("help@acme.test", "help@acme.test", "s3cret");
    }

    @DynamicPropertySource
    static void mailboxes(DynamicPropertyRegistry registry) {
        // a database of its own: these inboxes must not become other test classes' inboxes
        registry.add("parley.data-dir", () -> "target/test-silent-mail-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:silent-mail-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        int silent = SILENT_MAIL_SERVER.port();
        registry.add("parley.email.inboxes[0].name", () -> "Silent");
        registry.add("parley.email.inboxes[0].address", () -> "silent@acme.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://silent%40acme.test:s3cret@127.0.0.1:" + silent
                + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://127.0.0.1:" + silent);
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
        registry.add("parley.email.inboxes[1].name", () -> "Help");
        registry.add("parley.email.inboxes[1].address", () -> "help@acme.test");
        registry.add("parley.email.inboxes[1].imap-url", () -> "imap://help%40acme.test:s3cret@127.0.0.1:"
                + MAIL.getImap().getPort() + "/INBOX");
        registry.add("parley.email.inboxes[1].smtp-url", () -> "smtp://help%40acme.test:s3cret@127.0.0.1:"
                + MAIL.getSmtp().getPort());
        registry.add("parley.email.inboxes[1].poll-interval", () -> "1s");
    }

    @AfterAll
    static void stopServers() throws IOException {
        SILENT_MAIL_SERVER.close();
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStreams streams;
    @Autowired
    ConversationQueries queries;
    @Autowired
    Agents agents;
    @Autowired
    Deliveries deliveries;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void mailToAnotherMailboxIsTakenWhileOneMailServerHangs() {
        await().atMost(Duration.ofSeconds(60)).alias("the silent mailbox's poll reached its server")
                .until(SILENT_MAIL_SERVER::holdsAClient);
        String text = "My parcel " + UUID.randomUUID() + " has not arrived yet.";
        GreenMailUtil.sendTextEmail("help@acme.test", "ann@example.test", "Where is my parcel?", text,
                MAIL.getSmtp().getServerSetup());

        await().atMost(Duration.ofSeconds(20)).alias("the mail to the other mailbox taken")
                .until(() -> queries.find(ConversationFilter.all().withText(text), 0, 5).items().size() == 1);
        assertThat(SILENT_MAIL_SERVER.holdsAClient()).as("the silent server's poll still waits for its greeting")
                .isTrue();
    }

    @Test
    void aWidgetItsCustomerClosesIsCountedOutWhileAMailboxPollHangs() throws Exception {
        await().atMost(Duration.ofSeconds(60)).alias("the silent mailbox's poll reached its server")
                .until(SILENT_MAIL_SERVER::holdsAClient);
        RawWidgetStreams widgets = new RawWidgetStreams(port, json);
        JsonNode started = widgets.start();
        long before = streams.openStreams("conversation:");
        try (Socket socket = widgets.open(started)) {
            assertThat(streams.openStreams("conversation:")).isEqualTo(before + 1);
            socket.close(); // the customer closed the chat window
            await().atMost(Duration.ofSeconds(5)).alias("the connection gauge")
                    .until(() -> streams.openStreams("conversation:") == before);
        }
        assertThat(SILENT_MAIL_SERVER.holdsAClient()).as("the poll still waits for the server's greeting").isTrue();
    }

    @Test
    void agentsMailsWaitingForTheServerHoldUpNoOtherModuleListener() throws Exception {
        // agents' mails leave through the first email inbox's server, the silent one
        UUID agent = TestAgents.create(agents, Role.AGENT).id();
        int before = SILENT_MAIL_SERVER.clients();
        for (int i = 0; i < 8; i++) { // more than the module listeners' six threads
            tx.executeWithoutResult(status -> events.publishEvent(new AgentMentioned(
                    UUID.randomUUID(), UUID.randomUUID(), agent, UUID.randomUUID(), "Grace", "A parcel",
                    "@you have a look", Instant.now())));
        }
        await().atMost(Duration.ofSeconds(10)).alias("every mention mail waits for the server's greeting")
                .until(() -> SILENT_MAIL_SERVER.clients() - before >= 8);

        JsonNode started = new RawWidgetStreams(port, json).start("How do I return an item?");
        UUID conversation = UUID.fromString(started.get("conversationId").asString());

        await().atMost(Duration.ofSeconds(5)).alias("the widget's reply recorded delivered by its module listener")
                .until(() -> deliveries.ofConversation(conversation).values().stream()
                        .anyMatch(d -> d.state() == DeliveryState.SENT));
    }
}
