package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.support.ScriptedAssistant;
import dev.parley.workspace.WaitingQueue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Never silent: what a customer hears when their message goes to people rather than the assistant. */
@SpringBootTest
@Import(ScriptedAssistant.class)
class CustomerNoticesTests {

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    WaitingQueue queue;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Inboxes inboxes;

    @Test
    void theFirstMessageWhileWaitingForAPersonGetsOneNoticeWithThePlaceInLine() {
        UUID id = escalated();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.status(id).isPresent());

        CustomerMessageResult first = say(id, "Are you there?");
        CustomerMessageResult second = say(id, "Hello??");
        CustomerMessageResult third = say(id, "Still waiting");

        assertThat(first.reply()).get().satisfies(notice -> {
            assertThat(notice.authorType()).isEqualTo(AuthorType.SYSTEM);
            assertThat(notice.internal()).isFalse();
            assertThat(notice.text()).matches("Thanks — you're number \\d+ in line[.;] .*");
        });
        assertThat(second.reply()).isEmpty();
        assertThat(third.reply()).isEmpty();
        assertThat(systemMessages(id)).hasSize(1);
        assertThat(first.conversation().status()).isEqualTo(ConversationStatus.ESCALATED);
    }

    @Test
    void afterAnAgentRepliedTheNextWaitGetsANewNotice() {
        UUID id = escalated();
        assertThat(say(id, "Hi?").reply()).isPresent();
        assertThat(say(id, "Anyone?").reply()).isEmpty();

        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Looking into it", false);
        assertThat(say(id, "Thanks, and one more thing").reply()).get()
                .extracting(Message::authorType).isEqualTo(AuthorType.SYSTEM);
        assertThat(say(id, "Hello again?").reply()).isEmpty();
        assertThat(systemMessages(id)).hasSize(2);
    }

    @Test
    void anInternalNoteIsNotAnAnswerAndEscalatingAgainStartsANewWait() {
        UUID id = escalated();
        assertThat(say(id, "Hi?").reply()).isPresent();
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "internal: who takes this?", true);
        assertThat(say(id, "Anyone?").reply()).isEmpty();

        conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        conversations.escalate(id, EscalationReason.MANUAL, null);
        assertThat(say(id, "Still here").reply()).isPresent();
    }

    @Test
    void aConversationAPersonResolvedIsPassedBackToTheTeamWhenTheCustomerWritesAgain() {
        UUID id = escalated();
        conversations.update(id, ConversationChanges.assignee(UUID.randomUUID()));
        conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);

        CustomerMessageResult reopened = say(id, "answerable: actually, one more question");

        assertThat(reopened.conversation().status()).isEqualTo(ConversationStatus.IN_PROGRESS);
        assertThat(reopened.reply()).get().satisfies(notice -> {
            assertThat(notice.authorType()).isEqualTo(AuthorType.SYSTEM);
            assertThat(notice.text()).isEqualTo(CustomerNotices.PASSED_BACK);
        });
    }

    @Test
    void anAiResolvedConversationReopenedByTheCustomerIsAnsweredWhenTheAssistantIsConfident() {
        UUID id = start();
        assertThat(say(id, "answerable: how do I reset my password").conversation().status())
                .isEqualTo(ConversationStatus.AI_RESOLVED);

        CustomerMessageResult again = say(id, "answerable: and how do I change my email");

        assertThat(again.reply()).get().extracting(Message::authorType).isEqualTo(AuthorType.ASSISTANT);
        assertThat(again.reply().get().text()).isEqualTo(ScriptedAssistant.ANSWER);
        assertThat(again.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
    }

    @Test
    void aResolvedConversationReopenedWithAQuestionTheAssistantCannotAnswerSaysItWasPassedToTheTeam() {
        UUID id = start();
        say(id, "answerable: how do I reset my password");
        CustomerMessageResult again = say(id, "something nobody wrote an article about");
        assertThat(again.conversation().status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(again.reply()).get().extracting(Message::text).isEqualTo(ScriptedAssistant.HAND_OFF);

        UUID unassigned = start();
        conversations.changeStatus(unassigned, ConversationStatus.RESOLVED);
        CustomerMessageResult reopened = say(unassigned, "answerable: a new question");
        assertThat(reopened.reply()).get().extracting(Message::authorType).isEqualTo(AuthorType.ASSISTANT);
    }

    @Test
    void customersOfOtherChannelsGetTheSameNotice() {
        Inbox inbox = inboxes.create("email", "Notices " + UUID.randomUUID(), "notices-" + UUID.randomUUID() + "@example.com",
                AssistantMode.OFF);
        List<ContactHandle> from = List.of(ContactHandle.email("waiting@example.com"));
        InboundResult first = inbound.receive(new InboundMessage(inbox.id(), from, "Wanda", null, List.of(), null,
                "Order", "Where is my order?", List.of(), null));
        assertThat(first.conversation().status()).isEqualTo(ConversationStatus.ESCALATED);

        inbound.receive(new InboundMessage(inbox.id(), from, "Wanda", null, List.of(), first.conversation().id(),
                null, "Any news?", List.of(), null));
        inbound.receive(new InboundMessage(inbox.id(), from, "Wanda", null, List.of(), first.conversation().id(),
                null, "Hello?", List.of(), null));

        assertThat(systemMessages(first.conversation().id())).singleElement()
                .satisfies(notice -> assertThat(notice.text()).startsWith("Thanks"));
    }

    private UUID start() {
        return conversations.start(new NewConversation("web", null, null, null)).conversation().id();
    }

    private UUID escalated() {
        UUID id = start();
        assertThat(say(id, "I want a human").conversation().status()).isEqualTo(ConversationStatus.ESCALATED);
        return id;
    }

    private CustomerMessageResult say(UUID id, String text) {
        return flow.receive(id, new IncomingMessage(text, null));
    }

    private List<Message> systemMessages(UUID id) {
        return conversations.visibleMessages(id, 0, 100).stream()
                .filter(m -> m.authorType() == AuthorType.SYSTEM).toList();
    }
}
