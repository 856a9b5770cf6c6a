package dev.parley.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.workspace.PresenceStatus;
import dev.parley.workspace.WaitingQueue;
import dev.parley.support.QuietInbox;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Presence follows the dashboard tabs: away without one for a while, offline later, and then work is reassigned. */
@SpringBootTest
class PresenceTests {

    @Autowired
    Presence presence;
    @Autowired
    PresenceSweep sweep;
    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    WaitingQueue queue;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void quietInbox() {
        QuietInbox.reset(jdbc);
    }

    @Test
    void agentWithoutADashboardBecomesAwayThenOfflineAndLosesTheirConversations() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        presence.seen(agent.id());
        assertThat(presence.of(agent.id())).isEqualTo(PresenceStatus.ONLINE);
        UUID conversation = escalated();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.id().equals(conversations.get(conversation).assigneeId()));

        lastSeen(agent, Duration.ofMinutes(5));
        sweep.run();
        assertThat(presence.of(agent.id())).isEqualTo(PresenceStatus.AWAY);
        assertThat(conversations.get(conversation).assigneeId()).isEqualTo(agent.id());

        lastSeen(agent, Duration.ofHours(1));
        sweep.run();
        assertThat(presence.of(agent.id())).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(conversations.get(conversation).assigneeId()).isNull();
        assertThat(queue.status(conversation)).isPresent();
    }

    @Test
    void aTabBringsAnAutomaticallyAwayAgentBackButNotOneWhoChoseAway() {
        Agent returning = TestAgents.create(agents, Role.AGENT, 5);
        presence.seen(returning.id());
        lastSeen(returning, Duration.ofMinutes(5));
        sweep.run();
        assertThat(presence.of(returning.id())).isEqualTo(PresenceStatus.AWAY);
        presence.seen(returning.id());
        assertThat(presence.of(returning.id())).isEqualTo(PresenceStatus.ONLINE);

        Agent resting = TestAgents.create(agents, Role.AGENT, 5);
        presence.choose(resting.id(), PresenceStatus.AWAY);
        presence.seen(resting.id());
        assertThat(presence.of(resting.id())).isEqualTo(PresenceStatus.AWAY);
        lastSeen(resting, Duration.ofHours(2));
        sweep.run();
        assertThat(presence.of(resting.id())).as("a chosen status is kept").isEqualTo(PresenceStatus.AWAY);
    }

    private void lastSeen(Agent agent, Duration ago) {
        jdbc.sql("UPDATE agent_presence SET last_seen_at = :t WHERE agent_id = :a")
                .param("t", Instant.now().minus(ago).atOffset(ZoneOffset.UTC)).param("a", agent.id()).update();
    }

    private UUID escalated() {
        UUID id = conversations.start(new NewConversation("web", new Customer("Kim", null, null), SourceDetails.none(),
                null)).conversation().id();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.2);
        return id;
    }
}
