package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.shared.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The conversation core's behaviour against a real database; run once per supported database by
 * the subclasses.
 */
abstract class ConversationPersistenceContract {

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    ConversationQueries queries;
    @Autowired
    Contacts contacts;
    @Autowired
    Deliveries deliveries;
    @Autowired
    dev.parley.conversation.internal.WaitingOrderRepair repair;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    org.springframework.transaction.support.TransactionTemplate nested;

    @org.junit.jupiter.api.BeforeEach
    void savepoints() {
        nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
        nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
    }

    StartedConversation start() {
        return conversations.start(new NewConversation("web", new Customer("Ada", "ada@example.com", "v-1"),
                new SourceDetails("https://shop.example/p/1", "JUnit", null), "orders"));
    }

    @Test
    void storesAConversationWithCustomerSourceAndCategory() {
        Conversation stored = conversations.get(start().conversation().id());
        // The visitor id is the web channel's (and a handle of the contact), not a column of the conversation.
        assertThat(stored.customer()).isEqualTo(new Customer("Ada", "ada@example.com", null));
        assertThat(contacts.get(stored.contactId()).handles()).contains(ContactHandle.visitor("v-1"));
        assertThat(stored.source().pageUrl()).isEqualTo("https://shop.example/p/1");
        assertThat(stored.category()).isEqualTo("orders");
        assertThat(stored.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(stored.priority()).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void theInboxListsTheCustomerWhoHasWaitedLongestSinceTheirLastMessageFirst() {
        String name = "Waiting " + java.util.UUID.randomUUID();
        List<java.util.UUID> ids = threeConversationsOf(name);
        java.util.function.Supplier<List<java.util.UUID>> order =
                () -> listed(name, ConversationFilter.Sort.WAITING_LONGEST);
        assertThat(order.get()).containsExactlyElementsOf(ids);
        flow.receive(ids.getFirst(), new IncomingMessage("Still there?", null));
        assertThat(order.get()).containsExactly(ids.get(1), ids.get(2), ids.getFirst());
        flow.receive(ids.get(1), new IncomingMessage("Hello?", null));
        assertThat(order.get()).containsExactly(ids.get(2), ids.getFirst(), ids.get(1));
    }

    @Test
    void aCustomerMessageANodeOfTheEarlierVersionRecordedTakesItsPlaceInTheWaitingOrderAfterTheNextStart() {
        String name = "Upgrading " + java.util.UUID.randomUUID();
        List<java.util.UUID> ids = threeConversationsOf(name);
        // what a node from before waiting_since (V892) writes for a new customer message: the time, not the order
        jdbc.sql("UPDATE conversation SET last_customer_message_at = CURRENT_TIMESTAMP WHERE id = :id")
                .param("id", ids.getFirst()).update();
        assertThat(listed(name, ConversationFilter.Sort.WAITING_LONGEST)).first().isEqualTo(ids.getFirst());

        repair.repair();

        assertThat(listed(name, ConversationFilter.Sort.WAITING_LONGEST))
                .containsExactly(ids.get(1), ids.get(2), ids.getFirst());
    }

    @Test
    void theInboxListsTheNewestOrTheLatestActivityFirstWhenAskedTo() {
        String name = "Sorted " + java.util.UUID.randomUUID();
        List<java.util.UUID> ids = threeConversationsOf(name);
        assertThat(listed(name, ConversationFilter.Sort.NEWEST)).containsExactlyElementsOf(ids.reversed());
        flow.receive(ids.get(1), new IncomingMessage("Still there?", null));
        assertThat(listed(name, ConversationFilter.Sort.LATEST_ACTIVITY)).first().isEqualTo(ids.get(1));
        assertThat(listed(name, ConversationFilter.Sort.NEWEST)).containsExactlyElementsOf(ids.reversed());
        assertThat(listed(name, ConversationFilter.Sort.WAITING_LONGEST)).containsExactly(ids.get(0), ids.get(2),
                ids.get(1));
    }

    /** Three conversations of a customer of that name, oldest first. */
    private List<java.util.UUID> threeConversationsOf(String name) {
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(conversations.start(new NewConversation("web", new Customer(name, null, null), null, null))
                    .conversation().id());
        }
        return ids;
    }

    /** The inbox's list of the customer's conversations, in that order. */
    private List<java.util.UUID> listed(String name, ConversationFilter.Sort sort) {
        return queries.find(ConversationFilter.all().withText(name).withSort(sort), 0, 10).items().stream()
                .map(s -> s.conversation().id()).toList();
    }

    @Test
    void theFirstMessageBecomesAShortenedSubject() {
        var id = start().conversation().id();
        flow.receive(id, new IncomingMessage("My order from last week never arrived and the tracking page shows "
                + "nothing at all since Monday, what should I do?", null));
        assertThat(conversations.get(id).subject()).endsWith("…").hasSizeLessThanOrEqualTo(80);
        flow.receive(id, new IncomingMessage("Another message", null));
        assertThat(conversations.get(id).subject()).startsWith("My order from last week");
    }

    @Test
    void theAssistantsHandOffEscalatesWithAReasonAndRecordsTheFirstResponse() {
        var id = start().conversation().id();
        CustomerMessageResult result = flow.receive(id, new IncomingMessage("Hello?", "c-1"));
        assertThat(result.reply()).isPresent();
        Conversation after = conversations.get(id);
        assertThat(after.status()).isIn(ConversationStatus.ESCALATED, ConversationStatus.AI_RESOLVED);
        assertThat(after.firstResponseAt()).isNotNull();
        if (after.status() == ConversationStatus.ESCALATED) {
            assertThat(after.escalationReason()).isNotNull();
            assertThat(after.escalatedAt()).isNotNull();
        }
    }

    @Test
    void controlCharactersAndBrokenSurrogatesNeverReachTheDatabase() {
        // PostgreSQL refuses NUL in text columns: stored as is, it would fail the request after it was accepted.
        var id = start().conversation().id();
        CustomerMessageResult result = flow.receive(id, new IncomingMessage("Where\u0000 is\u0007 my\uD800 order?\nThanks", null));
        assertThat(result.message().text()).isEqualTo("Where is my\uFFFD order?\nThanks");
        assertThat(conversations.get(id).subject()).isEqualTo("Where is my\uFFFD order? Thanks");
        assertThatThrownBy(() -> flow.receive(id, new IncomingMessage("\u0000\u0001 ", null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("must not be empty");
    }

    @Test
    void aChannelsCustomerDetailsAreStoredWithoutControlCharacters() {
        var id = conversations.start(new NewConversation("email", new Customer("Ada\u0000 L.", "ada@example.com\u0000", null),
                new SourceDetails("https://shop.example/\u0000", "Mail\u0007", null), null)).conversation().id();
        Conversation stored = conversations.get(id);
        assertThat(stored.customer().name()).isEqualTo("Ada L.");
        assertThat(stored.customer().email()).isEqualTo("ada@example.com");
        assertThat(stored.source().pageUrl()).isEqualTo("https://shop.example/");
    }

    @Test
    void aRetriedClientMessageIdIsStoredOnce() {
        var id = start().conversation().id();
        CustomerMessageResult first = flow.receive(id, new IncomingMessage("Only once", "same"));
        CustomerMessageResult second = flow.receive(id, new IncomingMessage("Only once", "same"));
        assertThat(second.replayed()).isTrue();
        assertThat(second.message().id()).isEqualTo(first.message().id());
        assertThat(second.reply().map(Message::id)).isEqualTo(first.reply().map(Message::id));
        assertThat(conversations.visibleMessages(id, 0, 100).stream()
                .filter(m -> m.text().equals("Only once"))).hasSize(1);
    }

    @Test
    void internalNotesAreNeverVisibleToTheCustomer() {
        var id = start().conversation().id();
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Customer seems upset", true);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Hi Ada, looking into it", false);
        List<Message> visible = conversations.visibleMessages(id, 0, 100);
        assertThat(visible).extracting(Message::text).containsExactly("Hi Ada, looking into it");
        assertThat(conversations.transcript(id, 0, 100)).extracting(Message::text)
                .containsExactly("Customer seems upset", "Hi Ada, looking into it");
    }

    @Test
    void aReplyWhoseDeliveryIsNotBegunYetHoldsUpTheRepliesWrittenAfterItForAWhile() {
        var id = start().conversation().id();
        Message first = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "First part", false);
        Message second = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Second part", false);
        // both begun and attempted by their lane (nothing of it still running when the rows are changed below)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> java.util.stream.Stream
                .of(first, second).allMatch(m -> deliveries.find(m.id())
                        .filter(d -> d.state() != DeliveryState.PENDING).isPresent()));
        java.util.UUID inbox = deliveries.find(first.id()).orElseThrow().inboxId();
        // as when the second reply's listener ran before the first one's: the first is not begun, the second is
        jdbc.sql("DELETE FROM message_delivery WHERE message_id = :m").param("m", first.id()).update();
        jdbc.sql("UPDATE message_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = NULL WHERE message_id = :m")
                .param("m", second.id()).update();
        java.time.Duration minute = java.time.Duration.ofMinutes(1);

        assertThat(deliveries.attemptable(id, minute)).as("the second waits for the first").isEmpty();

        deliveries.begin(first.id(), id, inbox);
        assertThat(deliveries.attemptable(id, minute)).extracting(Delivery::messageId)
                .containsExactly(first.id(), second.id());

        // a reply whose listener never ran (written two minutes ago) holds up nothing for longer than that
        jdbc.sql("DELETE FROM message_delivery WHERE message_id = :m").param("m", first.id()).update();
        jdbc.sql("UPDATE message SET created_at = :at WHERE id = :m")
                .param("at", java.time.OffsetDateTime.now().minusMinutes(2)).param("m", first.id()).update();
        assertThat(deliveries.attemptable(id, minute)).extracting(Delivery::messageId).containsExactly(second.id());
    }

    @Test
    void followsTheStatusLifecycleAndRejectsIllegalMoves() {
        var id = start().conversation().id();
        conversations.escalate(id, EscalationReason.MANUAL, null);
        conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        conversations.changeStatus(id, ConversationStatus.WAITING_CUSTOMER);
        flow.receive(id, new IncomingMessage("Here is the photo you asked for", null));
        assertThat(conversations.get(id).status()).isEqualTo(ConversationStatus.IN_PROGRESS);
        Conversation resolved = conversations.changeStatus(id, ConversationStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isNotNull();
        conversations.changeStatus(id, ConversationStatus.CLOSED);
        assertThatThrownBy(() -> conversations.changeStatus(id, ConversationStatus.AI_RESOLVED))
                .isInstanceOf(ApiException.class).hasMessageContaining("cannot move from CLOSED");
    }

    @Test
    void aCustomerMessageReopensAResolvedConversation() {
        var id = start().conversation().id();
        conversations.escalate(id, EscalationReason.MANUAL, null);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        flow.receive(id, new IncomingMessage("Actually, one more thing", null));
        assertThat(conversations.get(id).status()).isNotEqualTo(ConversationStatus.RESOLVED);
    }

    @Test
    void aClosedConversationTakesNoNewCustomerMessages() {
        var id = start().conversation().id();
        conversations.changeStatus(id, ConversationStatus.CLOSED);
        assertThatThrownBy(() -> flow.receive(id, new IncomingMessage("hello?", null)))
                .isInstanceOf(ApiException.class).hasMessageContaining("closed");
    }

    @Test
    void readMarkersOnlyMoveForward() {
        var id = start().conversation().id();
        conversations.markRead(id, Reader.CUSTOMER, 10);
        conversations.markRead(id, Reader.CUSTOMER, 4);
        assertThat(conversations.readMarker(id, Reader.CUSTOMER)).isEqualTo(10);
        assertThat(conversations.readMarker(id, Reader.AGENT)).isZero();
    }

    @Test
    void priorityAndAssigneeCanBeChanged() {
        var id = start().conversation().id();
        var agent = java.util.UUID.randomUUID();
        conversations.update(id, ConversationChanges.priority(Priority.URGENT));
        conversations.update(id, ConversationChanges.assignee(agent));
        Conversation c = conversations.get(id);
        assertThat(c.priority()).isEqualTo(Priority.URGENT);
        assertThat(c.assigneeId()).isEqualTo(agent);
    }

    @Test
    void anAssignmentDecidedUnderACallersLockHasItsEventsRecordedBeforeTheDecisionAndItsRowWrittenAfter() {
        var id = start().conversation().id();
        var agent = java.util.UUID.randomUUID();
        var seen = new java.util.ArrayList<String>();

        tx.executeWithoutResult(status -> {
            conversations.assignUnassigned(conversations.get(id), agent, () -> {
                seen.add("assignee " + conversations.get(id).assigneeId());
                seen.add("assigned events " + assignedEvents(id));
            });
            seen.add("then assigned events " + assignedEvents(id));
        });

        assertThat(seen.get(0)).isEqualTo("assignee null");
        assertThat(seen.get(1)).isNotEqualTo("assigned events 0")
                .isEqualTo(seen.get(2).replace("then ", "")); // recorded before the decision, none after it
        assertThat(conversations.get(id).assigneeId()).isEqualTo(agent);
    }

    @Test
    void anAssignmentOfAConversationSomeoneHoldsOrARefusedOneKeepsNothing() {
        var held = start().conversation().id();
        var holder = java.util.UUID.randomUUID();
        conversations.update(held, ConversationChanges.assignee(holder));
        var raced = start().conversation().id();
        var refused = start().conversation().id();
        var kept = new java.util.ArrayList<Long>();
        // the held conversation's own assignment above was published too, and its listeners may still be running
        var since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);

        tx.executeWithoutResult(outer -> {
            assertThatThrownBy(() -> nested.executeWithoutResult(status -> conversations.assignUnassigned(
                    conversations.get(held), java.util.UUID.randomUUID(), () -> { })))
                    .isInstanceOf(AlreadyAssigned.class);
            // taken by someone else after the events were recorded, while the caller decided
            assertThatThrownBy(() -> nested.executeWithoutResult(status -> conversations.assignUnassigned(
                    conversations.get(raced), java.util.UUID.randomUUID(),
                    () -> jdbc.sql("UPDATE conversation SET assignee_id = :a WHERE id = :id")
                            .param("a", holder).param("id", raced).update())))
                    .isInstanceOf(AlreadyAssigned.class);
            assertThatThrownBy(() -> nested.executeWithoutResult(status -> conversations.assignUnassigned(
                    conversations.get(refused), java.util.UUID.randomUUID(), () -> {
                        throw ApiException.conflict("at capacity");
                    })))
                    .isInstanceOf(ApiException.class);
            kept.add(assignedEvents(held, since) + assignedEvents(raced, since) + assignedEvents(refused, since));
            kept.add(conversations.get(raced).assigneeId() == null ? 0L : 1L); // rolled back with the rest
            outer.setRollbackOnly();
        });

        assertThat(kept).containsExactly(0L, 0L);
        assertThat(conversations.get(held).assigneeId()).isEqualTo(holder);
        assertThat(conversations.get(refused).assigneeId()).isNull();
    }

    private long assignedEvents(java.util.UUID id) {
        return assignedEvents(id, java.time.OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC));
    }

    /**
     * Publications of {@code ConversationAssigned} for the conversation, made after {@code since}, that the current
     * transaction sees (completed ones are deleted, so only uncommitted ones count).
     */
    private long assignedEvents(java.util.UUID id, java.time.OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE :type AND serialized_event LIKE :id"
                        + " AND completion_date IS NULL AND publication_date > :since")
                .param("type", "%ConversationAssigned").param("id", "%" + id + "%").param("since", since)
                .query(Long.class).single();
    }

    @Test
    void anUnknownCategoryIsRejected() {
        assertThatThrownBy(() -> conversations.start(new NewConversation("web", null, null, "astrology")))
                .isInstanceOf(ApiException.class).hasMessageContaining("category must be one of");
    }
}
