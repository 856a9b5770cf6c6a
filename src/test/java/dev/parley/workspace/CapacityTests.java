package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.AuditLog;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.shared.ApiException;
import dev.parley.support.MutableClock;
import dev.parley.workspace.internal.ConversationActions;
import dev.parley.workspace.internal.Presence;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Capacity that holds: taking a conversation by hand stays within the agent's capacity unless a supervisor overrides
 * (audited), away agents get no new work, and after {@code away-release-after} their open conversations go back to
 * the queue, once per away period. A database of its own: presence is global state.
 */
@SpringBootTest(properties = {"parley.inbox.away-release-after=10m", "parley.inbox.away-after=1h",
    "parley.inbox.offline-after=2h", "parley.inbox.sweep-interval=1h"})
@AutoConfigureMockMvc
@Import(CapacityTests.Clocked.class)
class CapacityTests {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        registry.add("parley.data-dir", () -> tempDir());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:capacity-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("parley-capacity").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class Clocked {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
        }

        @Bean
        LockProbe lockProbe(org.springframework.transaction.support.TransactionTemplate tx,
                dev.parley.workspace.internal.QueueRepository queue) {
            return new LockProbe(tx, queue);
        }
    }

    /** Once armed, asks for the assignment lock from another thread while a reply's writes are open. */
    static class LockProbe {

        private final org.springframework.transaction.support.TransactionTemplate tx;
        private final dev.parley.workspace.internal.QueueRepository queue;
        private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile Boolean lockWasFree;

        LockProbe(org.springframework.transaction.support.TransactionTemplate tx,
                dev.parley.workspace.internal.QueueRepository queue) {
            this.tx = tx;
            this.queue = queue;
        }

        void arm() {
            lockWasFree = null;
            armed.set(true);
        }

        @org.springframework.context.event.EventListener
        void on(dev.parley.conversation.ConversationEvents.ReplyPosted posted) throws InterruptedException {
            if (!armed.getAndSet(false)) {
                return;
            }
            var attempt = java.util.concurrent.CompletableFuture.runAsync(
                    () -> tx.executeWithoutResult(status -> queue.lockAssignment()));
            try {
                attempt.get(2, java.util.concurrent.TimeUnit.SECONDS);
                lockWasFree = true;
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                lockWasFree = false; // waited for the reply's commit, or gave up on the lock
            }
        }
    }

    @Autowired
    ConversationActions actions;
    @Autowired
    Conversations conversations;
    @Autowired
    Agents agents;
    @Autowired
    Presence presence;
    @Autowired
    WaitingQueue queue;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    dev.parley.workspace.internal.AwayRelease awayRelease;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    LockProbe lockProbe;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    dev.parley.workspace.internal.QueueRepository queueRepository;

    @Test
    void aReplyThatTakesAConversationHoldsTheAssignmentLockOnlyForTheTakeNotForItsWrites() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        UUID id = waiting();

        lockProbe.arm();
        actions.reply(TestAgents.principal(agent), id, "I'll take this", false);

        assertThat(lockProbe.lockWasFree).as("the assignment lock, asked for while the reply was being written")
                .isTrue();
        assertThat(conversations.get(id).assigneeId()).isEqualTo(agent.id());
        assertThat(conversations.visibleMessages(id, 0, 10)).anyMatch(m -> m.authorType() == AuthorType.AGENT);
    }

    /**
     * A take frees nobody's capacity: the conversation leaves the queue with the take itself, and its assignment is
     * given to no listener that would settle the queue, the reports' details or the SLA clocks again. Both are read
     * in the caller's transaction, before any listener could run.
     */
    @Test
    void aConversationTakenByReplyOrByHandLeavesTheQueueWithTheTakeAndSetsOffNoSettlingOfItsOwn() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        UUID replied = waiting();
        UUID assigned = waiting();
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.status(replied).isPresent()
                && queue.status(assigned).isPresent());

        tx.executeWithoutResult(status -> {
            actions.reply(TestAgents.principal(agent), replied, "I'll take this", false);
            actions.assign(TestAgents.principal(agent), assigned, agent.id());

            assertThat(queue.status(replied)).as("out of the queue with the reply's take").isEmpty();
            assertThat(queue.status(assigned)).as("out of the queue with the assignment").isEmpty();
            for (UUID id : java.util.List.of(replied, assigned)) {
                assertThat(jdbc.sql("SELECT listener_id FROM event_publication WHERE completion_date IS NULL"
                        + " AND (listener_id LIKE '%ConversationUpdated%'"
                        + " OR listener_id LIKE '%AssignmentListeners%ConversationAssigned%')"
                        + " AND CAST(serialized_event AS VARCHAR(4000)) LIKE :id").param("id", "%" + id + "%")
                        .query(String.class).list()).isEmpty();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND listener_id LIKE '%ConversationFactsProjection%ConversationAssigned%'"
                        + " AND CAST(serialized_event AS VARCHAR(4000)) LIKE :id").param("id", "%" + id + "%")
                        .query(Long.class).single()).as("the reports still hear of the assignment").isEqualTo(1L);
            }
        });
        assertThat(conversations.get(replied).assigneeId()).isEqualTo(agent.id());
        assertThat(conversations.get(assigned).assigneeId()).isEqualTo(agent.id());
    }

    @Test
    void aConversationHandedBackStillReturnsToTheQueue() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        UUID id = waiting();
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.status(id).isPresent());
        actions.assign(TestAgents.principal(agent), id, agent.id());

        actions.assign(TestAgents.principal(agent), id, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> queue.status(id).isPresent());
    }

    @Test
    void anAgentAtCapacityCannotTakeAnotherConversationByHand() {
        Agent agent = holdingOneOfOne();
        AgentPrincipal me = TestAgents.principal(agent);
        UUID second = waiting();

        assertThatThrownBy(() -> actions.assign(me, second, agent.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("You already hold 1 open conversation, the limit of 1"));
        assertThat(conversations.get(second).assigneeId()).isNull();
    }

    @Test
    void replyingToAnUnassignedConversationAtCapacityIsRefusedAndPostsNothing() {
        AgentPrincipal me = TestAgents.principal(holdingOneOfOne());
        UUID second = waiting();

        assertThatThrownBy(() -> actions.reply(me, second, "I'll take this", false)).isInstanceOf(ApiException.class);
        assertThat(conversations.get(second).assigneeId()).isNull();
        assertThat(conversations.visibleMessages(second, 0, 10)).noneMatch(m -> m.authorType() == AuthorType.AGENT);
        actions.reply(me, second, "internal notes are not a take", true);
    }

    @Test
    void aSupervisorsReplyTakesAConversationBeyondCapacityAndTheOverrideIsAudited() {
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR, 1);
        AgentPrincipal me = TestAgents.principal(supervisor);
        actions.assign(me, waiting(), supervisor.id());
        UUID second = waiting();
        long overridesBefore = audit.count("conversation.capacity-override");

        actions.reply(me, second, "Let me look at this", false);

        assertThat(conversations.get(second).assigneeId()).isEqualTo(supervisor.id());
        assertThat(audit.count("conversation.capacity-override")).isEqualTo(overridesBefore + 1);
        assertThat(audit.page("conversation.capacity-override", 0, 1).getFirst().detail())
                .isEqualTo(supervisor.name() + " holds 1 of 1");
    }

    @Test
    void twoAgentsReplyingAtOnceToAnUnassignedConversationLeaveItWithOneOfThemAndBothRepliesPosted() throws Exception {
        for (int round = 0; round < 5; round++) {
            Agent first = TestAgents.create(agents, Role.AGENT, 5);
            Agent second = TestAgents.create(agents, Role.AGENT, 5);
            UUID id = waiting();
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var replies = java.util.stream.Stream.of(first, second).map(agent -> threads.submit(() -> {
                    start.await();
                    return actions.reply(TestAgents.principal(agent), id, "Mine", false);
                })).toList();
                start.countDown();
                for (var reply : replies) {
                    reply.get(20, java.util.concurrent.TimeUnit.SECONDS);
                }
            }

            assertThat(conversations.get(id).assigneeId()).isIn(first.id(), second.id());
            assertThat(conversations.visibleMessages(id, 0, 10)).filteredOn(m -> m.authorType() == AuthorType.AGENT)
                    .hasSize(2);
        }
    }

    @Test
    void aReplyInTheCallersTransactionThatFindsTheConversationTakenMeanwhileLeavesThatTransactionWhole()
            throws Exception {
        Agent replier = TestAgents.create(agents, Role.AGENT, 5);
        Agent other = TestAgents.create(agents, Role.AGENT, 5);
        UUID id = waiting();
        var assigning = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // an assignment decided while the reply reads the conversation as unassigned; committed once the reply
            // waits for the lock
            var assigner = threads.submit(() -> tx.executeWithoutResult(status -> {
                queueRepository.lockAssignment();
                jdbc.sql("UPDATE conversation SET assignee_id = :a WHERE id = :id").param("a", other.id())
                        .param("id", id).update();
                assigning.countDown();
                try {
                    commit.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assigning.await(10, java.util.concurrent.TimeUnit.SECONDS);
            var reply = threads.submit(() -> tx.execute(status -> {
                var posted = actions.reply(TestAgents.principal(replier), id, "Mine", false);
                conversations.changeStatus(id, dev.parley.conversation.ConversationStatus.WAITING_CUSTOMER);
                return posted;
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL")
                    .query(Long.class).single() > 0);
            commit.countDown();
            assigner.get(10, java.util.concurrent.TimeUnit.SECONDS);
            reply.get(20, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(conversations.get(id).assigneeId()).isEqualTo(other.id());
        assertThat(conversations.get(id).status()).isEqualTo(dev.parley.conversation.ConversationStatus.WAITING_CUSTOMER);
        assertThat(conversations.visibleMessages(id, 0, 10)).anyMatch(m -> m.authorType() == AuthorType.AGENT);
    }

    @Test
    void aSupervisorMayAssignBeyondCapacityAndTheOverrideIsAudited() {
        Agent agent = holdingOneOfOne();
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        UUID second = waiting();
        long overridesBefore = audit.count("conversation.capacity-override");

        assertThatThrownBy(() -> actions.assign(supervisor, second, agent.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains(agent.name() + " already holds 1 open conversation,").contains("assign it anyway"));
        actions.assign(supervisor, second, agent.id(), true);

        assertThat(conversations.get(second).assigneeId()).isEqualTo(agent.id());
        assertThat(audit.count("conversation.capacity-override")).isEqualTo(overridesBefore + 1);
        assertThat(audit.page("conversation.capacity-override", 0, 1).getFirst().detail())
                .isEqualTo(agent.name() + " holds 1 of 1");
    }

    @Test
    void onlySupervisorsOverrideCapacity() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        assertThatThrownBy(() -> actions.assign(TestAgents.principal(agent), waiting(), agent.id(), true))
                .isInstanceOf(ApiException.class).hasMessageContaining("Only supervisors");
    }

    @Test
    void theApiRefusesATakeBeyondCapacityWith409AndAcceptsASupervisorsOverride() throws Exception {
        Agent agent = TestAgents.create(agents, Role.AGENT, 0);
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR);
        UUID id = waiting();
        String take = "{\"assigneeId\":\"" + agent.id() + "\"}";
        mvc.perform(patch("/api/v1/conversations/" + id).with(user(TestAgents.principal(agent))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(take))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(patch("/api/v1/conversations/" + id).with(user(TestAgents.principal(supervisor))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeId\":\"" + agent.id() + "\",\"overrideCapacity\":\"yes\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(patch("/api/v1/conversations/" + id).with(user(TestAgents.principal(supervisor))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeId\":\"" + agent.id() + "\",\"overrideCapacity\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigneeId").value(agent.id().toString()));
    }

    @Test
    void theConversationPageOffersTheOverrideToSupervisorsOnly() throws Exception {
        UUID id = waiting();
        mvc.perform(get("/inbox/conversations/" + id)
                        .with(user(TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR)))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"overrideCapacity\"")));
        mvc.perform(get("/inbox/conversations/" + id)
                        .with(user(TestAgents.principal(TestAgents.create(agents, Role.AGENT)))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("name=\"overrideCapacity\""))));
    }

    @Test
    void aTakeBeyondCapacityOnThePageIsAReadableConflict() throws Exception {
        Agent agent = holdingOneOfOne();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/inbox/conversations/" + waiting() + "/assignee").param("agentId", agent.id().toString())
                        .with(user(TestAgents.principal(agent))).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "You already hold 1 open conversation, the limit of 1")));
    }

    @Test
    void awayAgentsGetNoNewConversationsAndAfterAWhileGiveTheirsBack() {
        dev.parley.support.QuietInbox.reset(jdbc); // the other tests' waiting conversations would go to this agent
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);
        presence.choose(agent.id(), PresenceStatus.ONLINE);
        UUID held = waiting();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.id().equals(conversations.get(held).assigneeId()));

        presence.choose(agent.id(), PresenceStatus.AWAY);
        UUID newer = waiting();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> conversations.get(newer).assigneeId() == null && queue.status(newer).isPresent());

        clock.advance(Duration.ofMinutes(9));
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).as("not away long enough yet").isEqualTo(agent.id());

        clock.advance(Duration.ofMinutes(2));
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).isNull();
        assertThat(queue.status(held)).isPresent();
        assertThat(presence.of(agent.id())).isEqualTo(PresenceStatus.AWAY);

        // once per away period: what a supervisor hands the away agent afterwards stays with them
        actions.assign(TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR)), held, agent.id());
        clock.advance(Duration.ofMinutes(30));
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).isEqualTo(agent.id());

        // back, then away again: a new period
        presence.choose(agent.id(), PresenceStatus.ONLINE);
        presence.choose(agent.id(), PresenceStatus.AWAY);
        clock.advance(Duration.ofMinutes(11));
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).isNull();
    }

    /** An agent whose capacity is one, holding one conversation they took. */
    private Agent holdingOneOfOne() {
        Agent agent = TestAgents.create(agents, Role.AGENT, 1);
        actions.assign(TestAgents.principal(agent), waiting(), agent.id());
        return agent;
    }

    private UUID waiting() {
        UUID id = conversations.start(new NewConversation("web", new Customer("Kim", null, null), SourceDetails.none(),
                null)).conversation().id();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.2);
        return id;
    }
}
