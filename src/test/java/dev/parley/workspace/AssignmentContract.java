package dev.parley.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.identity.Actor;
import dev.parley.identity.Agent;
import dev.parley.identity.AgentChanges;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.workspace.internal.Assigner;
import dev.parley.workspace.internal.Presence;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import dev.parley.support.QuietInbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assignment and queue behaviour, run against each database. Every test starts with nobody online, an empty
 * queue and no open person-handled conversations left over from other tests in the same JVM.
 */
abstract class AssignmentContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Conversations conversations;
    @Autowired
    Agents agents;
    @Autowired
    Presence presence;
    @Autowired
    Assigner assigner;
    @Autowired
    WaitingQueue queue;
    @Autowired
    AgentAvailability availability;
    @Autowired
    RealtimeBus bus;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConversationQueries queries;
    @Autowired
    dev.parley.workspace.internal.AwayRelease awayRelease;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    dev.parley.workspace.internal.QueueRepository queueRepository;

    @BeforeEach
    void startFromAQuietInbox() {
        QuietInbox.reset(jdbc);
    }

    @Test
    void assignsToOnlineAgentWithMostFreeCapacity() {
        Agent busy = online(3);
        Agent free = online(3);
        UUID first = escalated();
        awaitAssigned(first);
        UUID firstOwner = conversations.get(first).assigneeId();
        UUID second = escalated();
        awaitAssigned(second);
        assertThat(Set.of(firstOwner, conversations.get(second).assigneeId())).containsExactlyInAnyOrder(busy.id(), free.id());
        UUID third = escalated();
        awaitAssigned(third);
        Agent withTwo = conversations.get(third).assigneeId().equals(busy.id()) ? busy : free;
        UUID fourth = escalated();
        awaitAssigned(fourth);
        assertThat(conversations.get(fourth).assigneeId()).isNotEqualTo(withTwo.id());
    }

    @Test
    void withNothingWaitingADrainDoesNotWaitForTheAssignmentLock() throws Exception {
        online(3);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holding = threads.submit(() -> tx.executeWithoutResult(status -> {
                // an agent taking a conversation holds the lock this long, or a drain with a queue to work off
                queueRepository.lockAssignment();
                locked.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            try {
                Future<List<Assigner.Assignment>> drained = threads.submit(assigner::drain);
                assertThat(drained.get(5, TimeUnit.SECONDS)).as("drained while the lock is held").isEmpty();
            } finally {
                release.countDown();
                holding.get();
            }
        }
    }

    @Test
    void neverAssignsAwayOrOfflineAgents() {
        Agent away = online(5);
        presence.choose(away.id(), PresenceStatus.AWAY);
        Agent offline = online(5);
        presence.choose(offline.id(), PresenceStatus.OFFLINE);
        UUID waiting = escalated();
        await().atMost(WAIT).until(() -> queue.status(waiting).isPresent());
        assertThat(conversations.get(waiting).assigneeId()).isNull();
        assertThat(availability.anyoneOnline()).isFalse();
        Agent arriving = online(5);
        awaitAssignedTo(waiting, arriving);
    }

    @Test
    void anAgentAwayLongerThanTheReleaseTimeGivesTheirConversationsBackOnce() {
        Agent agent = online(5);
        UUID held = escalated();
        awaitAssignedTo(held, agent);
        presence.choose(agent.id(), PresenceStatus.AWAY);
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).as("away for a moment only").isEqualTo(agent.id());

        jdbc.sql("UPDATE agent_presence SET status_since = :t WHERE agent_id = :a")
                .param("t", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)).param("a", agent.id())
                .update();
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).isNull();
        assertThat(queue.status(held)).isPresent();

        conversations.update(held, dev.parley.conversation.ConversationChanges.assignee(agent.id()));
        awayRelease.run();
        assertThat(conversations.get(held).assigneeId()).as("once per away period").isEqualTo(agent.id());
        // the assignment's listeners drain the queue: let them finish before the next test brings agents online
        dev.parley.support.ModuleListeners.awaitCompleted(jdbc, "dev.parley.workspace");
    }

    @Test
    void respectsCapacityAndServesTheQueueInArrivalOrder() {
        Agent agent = online(1);
        UUID first = escalated();
        awaitAssignedTo(first, agent);
        UUID second = escalated();
        UUID third = escalated();
        await().atMost(WAIT).until(() -> queue.status(third).isPresent());
        assertThat(queue.status(second)).get().extracting(QueueStatus::position).isEqualTo(1);
        assertThat(queue.status(third)).get().extracting(QueueStatus::position).isEqualTo(2);
        assertThat(conversations.get(second).assigneeId()).isNull();

        conversations.changeStatus(first, ConversationStatus.RESOLVED);
        awaitAssignedTo(second, agent);
        assertThat(conversations.get(third).assigneeId()).isNull();
        assertThat(queue.status(third)).get().extracting(QueueStatus::position).isEqualTo(1);

        conversations.changeStatus(second, ConversationStatus.CLOSED);
        awaitAssignedTo(third, agent);
        assertThat(queue.status(third)).isEmpty();
    }

    @Test
    void raisingCapacityAssignsWaitingConversations() {
        Agent agent = online(0);
        UUID waiting = escalated();
        await().atMost(WAIT).until(() -> queue.status(waiting).isPresent());
        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, null, null, 2, false, null));
        awaitAssignedTo(waiting, agent);
    }

    @Test
    void reassignsConversationsWhenAnAgentGoesOffline() {
        Agent leaving = online(5);
        UUID first = escalated();
        UUID second = escalated();
        awaitAssignedTo(first, leaving);
        awaitAssignedTo(second, leaving);
        Agent staying = online(1);

        presence.choose(leaving.id(), PresenceStatus.OFFLINE);

        // The one who stays has room for one: the conversation that has waited longest goes first.
        awaitAssignedTo(first, staying);
        await().atMost(WAIT).until(() -> queue.status(second).isPresent());
        assertThat(conversations.get(second).assigneeId()).isNull();
    }

    @Test
    void deactivatedAgentsLoseTheirConversationsToTheQueue() {
        Agent leaving = online(5);
        UUID conversation = escalated();
        awaitAssignedTo(conversation, leaving);
        agents.update(Actor.SYSTEM, leaving.id(), new AgentChanges(null, null, false, null, false, null));
        await().atMost(WAIT).until(() -> conversations.get(conversation).assigneeId() == null
                && queue.status(conversation).isPresent());
    }

    @Test
    void concurrentAssignmentNeverAssignsTwiceOrOverCapacity() throws Exception {
        Agent one = online(2);
        Agent two = online(2);
        presence.choose(one.id(), PresenceStatus.AWAY);
        presence.choose(two.id(), PresenceStatus.AWAY);
        List<UUID> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(escalated());
        }
        await().atMost(WAIT).until(() -> waiting.stream().allMatch(id -> queue.status(id).isPresent()));
        jdbc.sql("UPDATE agent_presence SET status = 'ONLINE', manual = FALSE WHERE agent_id IN (:ids)")
                .param("ids", List.of(one.id(), two.id())).update();

        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Assigner.Assignment> made = new CopyOnWriteArrayList<>();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(threads.submit(() -> {
                start.await();
                made.addAll(assigner.drain());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        threads.shutdown();

        // an escalation's own listener may still be draining once the agents are back (it queues, then drains), so
        // the assignments are read from the conversations, whichever drain made them
        assertThat(new HashSet<>(made.stream().map(Assigner.Assignment::conversationId).toList())).hasSize(made.size());
        await().atMost(WAIT).until(() -> waiting.stream().filter(id -> conversations.get(id).assigneeId() != null)
                .count() >= 4);
        assertThat(waiting.stream().filter(id -> conversations.get(id).assigneeId() != null))
                .containsExactlyInAnyOrderElementsOf(waiting.subList(0, 4));
        assertThat(waiting.stream().filter(id -> one.id().equals(conversations.get(id).assigneeId()))).hasSize(2);
        assertThat(waiting.stream().filter(id -> two.id().equals(conversations.get(id).assigneeId()))).hasSize(2);
        assertThat(queue.status(waiting.get(4))).get().extracting(QueueStatus::position).isEqualTo(1);
    }

    @Test
    void tellsTheWaitingCustomerTheirPlaceAndWhenTheyGetAnAgent() throws Exception {
        Agent agent = online(1);
        UUID first = escalated();
        awaitAssignedTo(first, agent);
        UUID conversationId = startConversation();
        List<RealtimeEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.conversationTopic(conversationId), seen::add)) {
            conversations.escalate(conversationId, EscalationReason.HUMAN_REQUESTED, 0.3);
            await().atMost(WAIT).until(() -> seen.stream().anyMatch(e -> e.type().equals("queue")));
            RealtimeEvent queued = seen.stream().filter(e -> e.type().equals("queue")).findFirst().orElseThrow();
            assertThat(queued.data()).containsEntry("position", 1).containsEntry("agentsOnline", 1);
            assertThat((Long) queued.data().get("estimatedWaitSeconds")).isPositive();

            conversations.changeStatus(first, ConversationStatus.RESOLVED);
            await().atMost(WAIT).until(() -> seen.stream().anyMatch(e -> e.type().equals("assigned")));
            assertThat(seen.stream().filter(e -> e.type().equals("assigned")).findFirst().orElseThrow().data())
                    .containsEntry("agentName", agent.name());
        }
    }

    @Test
    void inboxQueriesFilterSearchCountAndFindTheSameCustomer() {
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        String email = word + "@example.com";
        Conversation first = conversations.start(new NewConversation("email", new Customer("Lee", email, null),
                SourceDetails.none(), null)).conversation();
        conversations.postReply(first.id(), dev.parley.conversation.AuthorType.AGENT, null, "Agent",
                "100% sure about " + word + "_x", false);
        Conversation second = conversations.start(new NewConversation("web", new Customer("Lee", email.toUpperCase(), null),
                SourceDetails.none(), null)).conversation();
        conversations.escalate(second.id(), EscalationReason.LOW_CONFIDENCE, 0.4);

        var byText = ConversationFilter.all().withText(word + "_x");
        assertThat(queries.find(byText, 0, 10).items()).extracting(s -> s.conversation().id()).containsExactly(first.id());
        // Words match, not substrings: % and _ are no wildcards but separators, and every word must be there.
        assertThat(queries.count(ConversationFilter.all().withText("100%_" + word))).isEqualTo(1);
        assertThat(queries.count(ConversationFilter.all().withText("10%_" + word + "_x"))).isZero();
        var escalatedByEmail = ConversationFilter.all().withText(email)
                .withStatuses(Set.of(ConversationStatus.ESCALATED)).withAssignee(null, true);
        var page = queries.find(escalatedByEmail, 0, 10);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().getFirst().conversation().escalationReason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
        assertThat(queries.ofContact(second.contactId(), second.id(), 10)).extracting(Conversation::id).containsExactly(first.id());
    }

    private Agent online(int capacity) {
        Agent agent = TestAgents.create(agents, Role.AGENT, capacity);
        presence.choose(agent.id(), PresenceStatus.ONLINE);
        return agent;
    }

    private UUID startConversation() {
        Conversation c = conversations.start(new NewConversation("web",
                new Customer("Casey", "casey-" + UUID.randomUUID() + "@example.com", null), SourceDetails.none(),
                null)).conversation();
        return c.id();
    }

    private UUID escalated() {
        UUID id = startConversation();
        conversations.escalate(id, EscalationReason.HUMAN_REQUESTED, 0.2);
        return id;
    }

    private void awaitAssigned(UUID conversationId) {
        await().atMost(WAIT).until(() -> conversations.get(conversationId).assigneeId() != null);
    }

    private void awaitAssignedTo(UUID conversationId, Agent agent) {
        await().atMost(WAIT).until(() -> agent.id().equals(conversations.get(conversationId).assigneeId()));
    }
}
