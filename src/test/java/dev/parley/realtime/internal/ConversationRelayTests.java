package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceRef;
import dev.parley.realtime.MessagePayload;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay pushes committed changes to the agents' topic and to the conversation's topic, off the request thread;
 * a reply as it was stored, built from its event rather than read back.
 */
@SpringBootTest
class ConversationRelayTests {

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    RealtimeBus bus;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.parley.identity.Agents people;

    @Test
    void aCustomerMessageAndAStatusChangeReachTheAgentsAndTheCustomer() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> agents = new CopyOnWriteArrayList<>();
        List<RealtimeEvent> customer = new CopyOnWriteArrayList<>();
        try (AutoCloseable a = bus.subscribe(RealtimeEvent.AGENTS, agents::add);
                AutoCloseable c = bus.subscribe(RealtimeEvent.conversationTopic(id), customer::add)) {
            flow.receive(id, new IncomingMessage("Where is my parcel 4711?", "c-relay-1"));
            conversations.changeStatus(id, ConversationStatus.RESOLVED);

            await().atMost(Duration.ofSeconds(20)).until(() -> of(agents, id, "status").stream()
                    .anyMatch(e -> "RESOLVED".equals(e.data().get("status"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> !customerMessages(customer, id).isEmpty());
        }
        MessagePayload pushed = customerMessages(agents, id).getFirst();
        assertThat(pushed.text()).isEqualTo("Where is my parcel 4711?");
        assertThat(pushed.authorType()).isEqualTo("CUSTOMER");
        assertThat(pushed.clientMessageId()).isEqualTo("c-relay-1");
        assertThat(pushed.conversationId()).isEqualTo(id);
        RealtimeEvent event = of(agents, id, "message").stream()
                .filter(e -> message(e).id().equals(pushed.id())).findFirst().orElseThrow();
        assertThat(event.seq()).isEqualTo(pushed.seq()).isPositive();
        assertThat(customerMessages(customer, id)).containsExactly(pushed);
        assertThat(of(customer, id, "status")).anyMatch(e -> "RESOLVED".equals(e.data().get("status")));
        assertThat(of(agents, id, "message")).as("the assistant's answer reaches agents too")
                .anyMatch(e -> !"CUSTOMER".equals(message(e).authorType()));
    }

    @Test
    void anAgentsReplyIsPushedExactlyAsItReadsBackFromTheDatabase() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> widget = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.conversationTopic(id), widget::add)) {
            Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Ada", "On its way", false);

            MessagePayload pushed = awaitMessage(widget, reply.id());

            assertThat(pushed).isEqualTo(MessagePayload.from(conversations.message(reply.id()).orElseThrow()));
        }
    }

    /** A push is for the streams open now: it leaves no publication to resubmit (ADR 0040); the delivery does. */
    @Test
    void aReplysLivePushesLeaveNoEventPublicationBehindWhileItsDeliveryDoes() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> widget = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.conversationTopic(id), widget::add)) {
            Map<String, Long> recorded = tx.execute(status -> {
                conversations.postReply(id, AuthorType.AGENT, null, "Ada", "Recorded or not", false);
                return Map.of(
                        "relay", jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND listener_id LIKE 'dev.parley.realtime.internal.ConversationRelay.%'", Long.class),
                        "delivery", jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND listener_id LIKE 'dev.parley.channel.delivery.DeliveryListener.%'", Long.class));
            });
            assertThat(recorded).containsEntry("relay", 0L);
            assertThat(recorded.get("delivery")).isPositive();
            await().atMost(Duration.ofSeconds(20)).until(() -> widget.stream()
                    .anyMatch(e -> e.type().equals("message") && message(e).text().equals("Recorded or not")));
        }
    }

    /** An assignment is told by its own event only (no "updated" of the conversation), and dashboards still refresh. */
    @Test
    void anAssignmentRefreshesTheAgentsDashboardsAndTellsTheNewAssigneeUnlessTheyTookItThemselves() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        UUID ada = dev.parley.identity.TestAgents.create(people, dev.parley.identity.Role.AGENT).id();
        UUID grace = dev.parley.identity.TestAgents.create(people, dev.parley.identity.Role.AGENT).id();
        List<RealtimeEvent> agents = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, agents::add)) {
            conversations.update(id, dev.parley.conversation.ConversationChanges.assignee(ada), ada);
            await().atMost(Duration.ofSeconds(20)).until(() -> !of(agents, id, "updated").isEmpty());
            assertThat(of(agents, id, "assigned")).as("Ada took it herself").isEmpty();

            conversations.update(id, dev.parley.conversation.ConversationChanges.assignee(grace), ada);
            await().atMost(Duration.ofSeconds(20)).until(() -> of(agents, id, "updated").size() == 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> of(agents, id, "assigned").stream()
                    .anyMatch(e -> grace.equals(e.data().get("assigneeId"))));
        }
    }

    @Test
    void anAnswersConfidenceAndSourcesComeFromTheEvent() throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> agents = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, agents::add)) {
            Message stored = conversations.postReply(id, AuthorType.AGENT, null, "Ada", "See the returns page", false);
            awaitMessage(agents, stored.id());
            agents.clear();
            SourceRef returns = new SourceRef("returns", "Returns", "/help/returns");
            ReplyPosted carried = ReplyPosted.of(stored, "web");
            tx.executeWithoutResult(status -> events.publishEvent(new ReplyPosted(carried.conversationId(),
                    carried.messageId(), carried.seq(), carried.channel(), AuthorType.ASSISTANT, "Assistant",
                    carried.text(), false, carried.at(), null, 0.87, List.of(returns))));

            MessagePayload fromEvent = awaitMessage(agents, stored.id());
            assertThat(fromEvent.authorType()).isEqualTo("ASSISTANT");
            assertThat(fromEvent.confidence()).isEqualTo(0.87);
            assertThat(fromEvent.sources()).containsExactly(returns);
        }
    }

    private static MessagePayload awaitMessage(List<RealtimeEvent> received, UUID messageId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> received.stream()
                        .filter(e -> e.type().equals("message")).map(ConversationRelayTests::message)
                        .filter(m -> m.id().equals(messageId)).findFirst().orElse(null),
                Objects::nonNull);
    }

    private static List<RealtimeEvent> of(List<RealtimeEvent> events, UUID id, String type) {
        return events.stream().filter(e -> e.type().equals(type))
                .filter(e -> id.equals(e.data().get("conversationId"))
                        || e.data().get("message") instanceof MessagePayload m && m.conversationId().equals(id))
                .toList();
    }

    private static List<MessagePayload> customerMessages(List<RealtimeEvent> events, UUID id) {
        return of(events, id, "message").stream().map(ConversationRelayTests::message)
                .filter(m -> m.authorType().equals("CUSTOMER")).toList();
    }

    private static MessagePayload message(RealtimeEvent event) {
        return (MessagePayload) ((Map<?, ?>) event.data()).get("message");
    }
}
