package dev.parley.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.support.QuietInbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** @mentions in internal notes: the mentioned agent is told live and by mail (as they chose), and sees it marked. */
@AutoConfigureMockMvc
class MentionNotificationTests extends MailServerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Agents agents;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    RealtimeBus bus;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void nobodyElseIsOnline() {
        QuietInbox.reset(jdbc);
    }

    @Test
    void aMentionedColleagueIsToldLiveAndByMail() throws Exception {
        Agent writer = agent("Wren Writer");
        Agent mentioned = agent("Mika Mentioned");
        UUID id = conversation("Refund for order 77");
        List<RealtimeEvent> live = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, live::add)) {
            note(writer, id, "@" + handle(mentioned) + " can you check the refund? cc @nobody-here");

            await().atMost(WAIT).until(() -> !mailsTo(mentioned.email()).isEmpty());
            await().atMost(WAIT).until(() -> live.stream().anyMatch(e -> e.type().equals("mentioned")));
        }
        var mail = mailsTo(mentioned.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Wren Writer mentioned you: Refund for order 77");
        assertThat(body(mail)).contains("can you check the refund?", BASE_URL + "/inbox/conversations/" + id);
        RealtimeEvent event = live.stream().filter(e -> e.type().equals("mentioned")).findFirst().orElseThrow();
        assertThat(event.toString()).contains(mentioned.id().toString());
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(writer.email())).isEmpty();
    }

    @Test
    void namesAndFirstNamesAnswerButEmailAddressesAndSelfMentionsDoNot() throws Exception {
        Agent writer = agent("Otto Self");
        String unique = "Zed" + UUID.randomUUID().toString().substring(0, 6);
        Agent byName = agent(unique + " Person");
        Agent byEmail = agent("Quinn Mailonly");
        UUID id = conversation("Mention forms");
        note(writer, id, "Hi @" + unique.toLowerCase() + ", mail " + byEmail.email() + " and note to @"
                + handle(writer) + ".");

        await().atMost(WAIT).until(() -> !mailsTo(byName.email()).isEmpty());
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(byEmail.email())).isEmpty();
        assertThat(mailsTo(writer.email())).isEmpty();
    }

    @Test
    void noMentionMailWhenTheAgentTurnedItOffAndAReplyMentionsNobody() throws Exception {
        Agent writer = agent("Ari Writer");
        Agent quiet = agent("Sol Quiet");
        preferences.save(new NotificationPreference(quiet.id(), true, true, true, false, false));
        UUID id = conversation("Quiet please");
        note(writer, id, "@" + handle(quiet) + " fyi");
        await().atMost(WAIT).until(() -> notificationsSettled(jdbc, id));
        assertThat(mailsTo(quiet.email())).isEmpty();
    }

    @Test
    void theConversationPageMarksTheMentionAndOffersColleaguesToMention() throws Exception {
        Agent writer = agent("Bea Writer");
        Agent mentioned = agent("Cy Marked");
        UUID id = conversation("Marked mention");
        note(writer, id, "over to you @" + handle(mentioned));
        String page = mvc.perform(get("/inbox/conversations/" + id).with(user(TestAgents.principal(writer))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-mentions=\"" + handle(mentioned) + "\"")
                .contains("value=\"@" + handle(mentioned) + " \"");
    }

    private void note(Agent writer, UUID id, String text) throws Exception {
        AgentPrincipal me = TestAgents.principal(writer);
        mvc.perform(post("/api/v1/conversations/" + id + "/messages").with(user(me)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + text + "\",\"internal\":true}"))
                .andExpect(status().isCreated());
    }

    private static String handle(Agent agent) {
        return agent.email().substring(0, agent.email().indexOf('@')).toLowerCase();
    }

    /** An agent nobody assigns work to (capacity 0), with the given name and an address of its own. */
    private Agent agent(String name) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return agents.create(dev.parley.identity.Actor.SYSTEM, new dev.parley.identity.NewAgent(name,
                "m-" + id + "@test.local", Role.AGENT, TestAgents.PASSWORD, 0, List.of())).agent();
    }

    private UUID conversation(String subject) {
        UUID id = conversations.start(new NewConversation("web", new Customer("Pat", null, null),
                SourceDetails.none(), null)).conversation().id();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, null);
        flow.receive(id, new IncomingMessage(subject, null));
        return id;
    }
}
