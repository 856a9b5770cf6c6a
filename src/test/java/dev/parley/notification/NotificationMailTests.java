package dev.parley.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.ConversationChanges;
import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import dev.parley.support.QuietInbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/** Notification mails through a real SMTP server: who gets one, when, how often, and what happens when it is down. */
class NotificationMailTests extends MailServerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Agents agents;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;

    @BeforeEach
    void nobodyElseIsOnline() {
        // An escalation must not be assigned to an agent another test class left online (and mail them).
        QuietInbox.reset(jdbc);
    }

    @Test
    void anAssignedAgentGetsAnEmailWithALinkToTheConversation() throws Exception {
        Agent agent = offlineAgent();
        UUID id = conversation("Ann Smith", "Refund for order 1042");

        conversations.update(id, ConversationChanges.assignee(agent.id()));

        await().atMost(WAIT).until(() -> !mailsTo(agent.email()).isEmpty());
        MimeMessage mail = mailsTo(agent.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Assigned to you: Refund for order 1042");
        assertThat(mail.getFrom()[0].toString()).contains("parley@acme.test");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(body(mail)).contains("Ann Smith", "Refund for order 1042",
                BASE_URL + "/inbox/conversations/" + id, BASE_URL + "/account/notifications");
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(agent.email())).hasSize(1);
    }

    @Test
    void noAssignmentEmailWhenTheAgentTurnedItOff() {
        Agent agent = offlineAgent();
        preferences.save(new NotificationPreference(agent.id(), false, true, true, false));
        UUID id = conversation("Bo", "Where is my parcel?");

        conversations.update(id, ConversationChanges.assignee(agent.id()));

        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(agent.email())).isEmpty();
    }

    @Test
    void anAgentWhoTakesAConversationThemselvesIsNotMailedAboutIt() {
        Agent agent = offlineAgent();
        UUID byHand = conversation("Fay", "Gift wrapping");
        UUID byReply = conversation("Gus", "Lost voucher");
        UUID byColleague = conversation("Hal", "Wrong colour");

        conversations.update(byHand, ConversationChanges.assignee(agent.id()), agent.id());
        conversations.assignUnassigned(conversations.get(byReply), agent.id(), () -> { });
        conversations.update(byColleague, ConversationChanges.assignee(agent.id()), UUID.randomUUID());

        await().atMost(WAIT).until(() -> !mailsTo(agent.email()).isEmpty());
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, byHand) && notificationsSettled(jdbc, byReply)
                && notificationsSettled(jdbc, byColleague));
        assertThat(mailsTo(agent.email())).extracting(NotificationMailTests::subject)
                .containsExactly("Assigned to you: Wrong colour");
    }

    @Test
    void aCustomerWritingToAnAgentWhoIsNotOnlineSendsOneEmailPerQuietPeriod() throws Exception {
        Agent agent = offlineAgent();
        UUID id = conversation("Cleo", "Broken zipper");
        conversations.update(id, ConversationChanges.assignee(agent.id()));
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        int assignmentMails = mailsTo(agent.email()).size();

        flow.receive(id, new IncomingMessage("The zipper of my jacket broke after two days.", null));
        flow.receive(id, new IncomingMessage("Hello? Also the left pocket is torn.", null));
        flow.receive(id, new IncomingMessage("Anyone there?", null));

        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        var mails = mailsTo(agent.email()).stream().filter(m -> subject(m).startsWith("New message from")).toList();
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.getFirst())).isEqualTo("New message from Cleo: Broken zipper");
        assertThat(mails.getFirst().getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        // listeners run concurrently: whichever of the three messages claims the quiet period is the one quoted
        assertThat(body(mails.getFirst())).containsAnyOf("zipper of my jacket broke", "left pocket is torn",
                "Anyone there?").contains(BASE_URL + "/inbox/conversations/" + id);
        assertThat(mailsTo(agent.email())).hasSize(assignmentMails + 1);
    }

    @Test
    void noCustomerMessageEmailWhileTheAgentIsOnline() {
        Agent agent = offlineAgent();
        UUID id = conversation("Dana", "Size exchange");
        conversations.update(id, ConversationChanges.assignee(agent.id()));
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        setPresence(agent, "ONLINE");

        flow.receive(id, new IncomingMessage("Can I swap the M for an L?", null));

        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(agent.email())).noneMatch(m -> subject(m).startsWith("New message from"));
    }

    @Test
    void noCustomerMessageEmailWhenTheAgentTurnedItOff() {
        Agent agent = offlineAgent();
        preferences.save(new NotificationPreference(agent.id(), true, false, true, false));
        UUID id = conversation("Eli", "Invoice copy");
        conversations.update(id, ConversationChanges.assignee(agent.id()));

        flow.receive(id, new IncomingMessage("Please send me a copy of the invoice.", null));

        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(agent.email())).noneMatch(m -> subject(m).startsWith("New message from"));
    }

    @Test
    void aMailServerThatIsDownLeavesTheNotificationIncompleteForARetry() {
        Agent agent = offlineAgent();
        UUID id = conversation("Finn", "Payment declined");
        MAIL_SERVER.stop();
        try {
            conversations.update(id, ConversationChanges.assignee(agent.id()));

            // The listener threw: the registry keeps the publication as failed, not completed.
            await().atMost(WAIT).until(() -> failedNotifications(id, agent) == 1);
        } finally {
            MAIL_SERVER.start();
        }
        assertThat(mailsTo(agent.email())).isEmpty();

        incomplete.resubmitIncompletePublications(publication -> publication.getEvent()
                instanceof ConversationAssigned assigned && assigned.conversationId().equals(id));

        await().atMost(WAIT).until(() -> mailsTo(agent.email()).size() == 1);
        assertThat(subject(mailsTo(agent.email()).getFirst())).isEqualTo("Assigned to you: Payment declined");
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
    }

    private long failedNotifications(UUID conversationId, Agent agent) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE 'dev.parley.notification.%'"
                        + " AND serialized_event LIKE :id AND serialized_event LIKE :agent AND completion_date IS NULL"
                        + " AND status = 'FAILED'")
                .param("id", "%" + conversationId + "%").param("agent", "%" + agent.id() + "%")
                .query(Long.class).single();
    }

    /** An agent nobody assigns work to by themselves (capacity 0), held offline. */
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void theAssigneeIsEmailedWhenAnSlaTargetIsMissed() throws Exception {
        Agent agent = offlineAgent();
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR, 0);
        UUID id = conversation("Cy", "Invoice twice charged");
        java.time.Instant due = java.time.Instant.parse("2026-12-07T11:30:00Z");
        transactions.executeWithoutResult(tx -> events.publishEvent(new dev.parley.sla.SlaEvents.SlaBreached(id,
                dev.parley.sla.SlaStatus.Target.FIRST_RESPONSE, due, agent.id(), null, "Invoice twice charged",
                due.plusSeconds(60))));
        await().atMost(WAIT).until(() -> !mailsTo(agent.email()).isEmpty());
        MimeMessage mail = mailsTo(agent.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("SLA missed: first response for \"Invoice twice charged\"");
        assertThat(body(mail)).contains("was due at 2026-12-07 11:30 (UTC)", BASE_URL + "/inbox/conversations/" + id);
        assertThat(mailsTo(supervisor.email())).isEmpty();
    }

    @Test
    void supervisorsAreEmailedWhenNobodyHoldsAConversationThatMissedItsTarget() {
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR, 0);
        UUID id = conversation("Di", "Cannot log in");
        java.time.Instant due = java.time.Instant.parse("2026-12-07T11:30:00Z");
        transactions.executeWithoutResult(tx -> events.publishEvent(new dev.parley.sla.SlaEvents.SlaBreached(id,
                dev.parley.sla.SlaStatus.Target.RESOLUTION, due, null, null, "Cannot log in", due)));
        await().atMost(WAIT).until(() -> !mailsTo(supervisor.email()).isEmpty());
        assertThat(body(mailsTo(supervisor.email()).getFirst())).contains("resolution target", "Nobody holds");
    }

    private Agent offlineAgent() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 0);
        setPresence(agent, "OFFLINE");
        return agent;
    }

    private void setPresence(Agent agent, String status) {
        jdbc.sql("DELETE FROM agent_presence WHERE agent_id = :a").param("a", agent.id()).update();
        jdbc.sql("INSERT INTO agent_presence (agent_id, status, manual, last_seen_at) VALUES (:a, :s, TRUE, CURRENT_TIMESTAMP)")
                .param("a", agent.id()).param("s", status).update();
    }

    /** A conversation already with people (so the assistant stays out), whose subject is its first message. */
    private UUID conversation(String customer, String subject) {
        UUID id = conversations.start(new NewConversation("web",
                new Customer(customer, customer.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com",
                        null), SourceDetails.none(), null)).conversation().id();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        flow.receive(id, new IncomingMessage(subject, null));
        return id;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
