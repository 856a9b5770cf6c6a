package dev.parley.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.ConversationEvents.AnswerFeedbackRecorded;
import dev.parley.shared.ApiException;
import dev.parley.support.ScriptedAssistant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Did that help?" after an AI answer: confirmed, handed over as not helpful, or assumed after the timeout. */
@SpringBootTest
@Import({ScriptedAssistant.class, AnswerFeedbackTests.Verdicts.class})
class AnswerFeedbackTests {

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    AnswerFeedback feedback;
    @Autowired
    Verdicts verdicts;
    @Autowired
    JdbcClient jdbc;

    @TestConfiguration
    static class Verdicts {

        final List<AnswerFeedbackRecorded> recorded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AnswerFeedbackRecorded event) {
            recorded.add(event);
        }
    }

    @BeforeEach
    void forget() {
        verdicts.recorded.clear();
    }

    @Test
    void yesConfirmsTheAiResolutionOnceAndARepeatedClickChangesNothing() {
        Answered a = answered();

        AnswerFeedback.Result yes = feedback.record(a.conversation(), a.answer(), true);
        AnswerFeedback.Result again = feedback.record(a.conversation(), a.answer(), true);

        assertThat(yes.verdict()).isEqualTo(AnswerVerdict.CONFIRMED);
        assertThat(yes.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        assertThat(yes.handOver()).isEmpty();
        assertThat(again.verdict()).isEqualTo(AnswerVerdict.CONFIRMED);
        assertThat(verdicts.recorded).extracting(AnswerFeedbackRecorded::verdict).containsExactly(AnswerVerdict.CONFIRMED);
        assertThatThrownBy(() -> feedback.record(a.conversation(), a.answer(), false))
                .isInstanceOf(ApiException.class).hasMessageContaining("can no longer be changed");
    }

    @Test
    void noHandsTheConversationToPeopleAsNotHelpfulWithAMessageSayingSo() {
        Answered a = answered();

        AnswerFeedback.Result no = feedback.record(a.conversation(), a.answer(), false);

        assertThat(no.verdict()).isEqualTo(AnswerVerdict.NOT_HELPFUL);
        Conversation c = conversations.get(a.conversation());
        assertThat(c.status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(c.escalationReason()).isEqualTo(EscalationReason.NOT_HELPFUL);
        assertThat(no.handOver()).get().satisfies(m -> {
            assertThat(m.authorType()).isEqualTo(AuthorType.SYSTEM);
            assertThat(m.text()).isEqualTo(AnswerFeedback.HANDED_OVER);
        });
        assertThat(feedback.record(a.conversation(), a.answer(), false).handOver()).isEmpty(); // idempotent
        assertThat(conversations.visibleMessages(a.conversation(), 0, 50))
                .filteredOn(m -> m.authorType() == AuthorType.SYSTEM).hasSize(1);
    }

    @Test
    void onlyTheLatestAnswerOfAConversationStillResolvedByTheAssistantAsks() {
        Answered a = answered();
        Message second = flow.receive(a.conversation(), new IncomingMessage("answerable: and another", null))
                .reply().orElseThrow();

        assertThatThrownBy(() -> feedback.record(a.conversation(), a.answer(), true))
                .isInstanceOf(ApiException.class).extracting("status").hasToString("409 CONFLICT");
        assertThat(feedback.record(a.conversation(), second.id(), true).verdict()).isEqualTo(AnswerVerdict.CONFIRMED);

        UUID handedOver = start();
        Message handOff = flow.receive(handedOver, new IncomingMessage("I want a human", null)).reply().orElseThrow();
        assertThatThrownBy(() -> feedback.record(handedOver, handOff.id(), true))
                .isInstanceOf(ApiException.class).extracting("status").hasToString("409 CONFLICT");
    }

    @Test
    void aMessageOfAnotherConversationOrNoneAtAllIsNotFound() {
        Answered a = answered();
        Answered other = answered();
        assertThatThrownBy(() -> feedback.record(a.conversation(), other.answer(), true))
                .isInstanceOf(ApiException.class).extracting("status").hasToString("404 NOT_FOUND");
        assertThatThrownBy(() -> feedback.record(a.conversation(), UUID.randomUUID(), true))
                .isInstanceOf(ApiException.class).extracting("status").hasToString("404 NOT_FOUND");
        assertThatThrownBy(() -> feedback.record(UUID.randomUUID(), a.answer(), true))
                .isInstanceOf(ApiException.class).extracting("status").hasToString("404 NOT_FOUND");
    }

    @Test
    void noClickBeforeTheTimeoutCountsAsAssumedAndALateYesStillConfirms() {
        Answered a = answered();
        Answered escalatedSince = answered();
        conversations.escalate(escalatedSince.conversation(), EscalationReason.MANUAL, null);
        Instant cutoff = Instant.now().plus(Duration.ofMinutes(1));

        feedback.assumeHelpfulBefore(cutoff);

        assertThat(outcome(a.answer())).isEqualTo("ASSUMED");
        assertThat(outcome(escalatedSince.answer())).isNull(); // moved on: no longer asks
        assertThat(verdicts.recorded).filteredOn(e -> e.conversationId().equals(a.conversation()))
                .extracting(AnswerFeedbackRecorded::verdict).containsExactly(AnswerVerdict.ASSUMED);
        assertThat(feedback.record(a.conversation(), a.answer(), true).verdict()).isEqualTo(AnswerVerdict.CONFIRMED);
        assertThat(outcome(a.answer())).isEqualTo("CONFIRMED");
    }

    @Test
    void anAnswerYoungerThanTheTimeoutIsNotAssumedAndWritingAgainWithdrawsTheQuestion() {
        Answered a = answered();
        feedback.assumeHelpfulBefore(Instant.now().minus(Duration.ofMinutes(30)));
        assertThat(outcome(a.answer())).isEqualTo("PENDING");

        flow.receive(a.conversation(), new IncomingMessage("I still have a question", null));
        assertThat(outcome(a.answer())).isNull();
    }

    private String outcome(UUID answer) {
        return jdbc.sql("SELECT outcome FROM answer_feedback WHERE message_id = :m").param("m", answer)
                .query(String.class).optional().orElse(null);
    }

    private Answered answered() {
        UUID id = start();
        CustomerMessageResult result = flow.receive(id, new IncomingMessage("answerable: how do I reset my password", null));
        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        return new Answered(id, result.reply().orElseThrow().id());
    }

    private UUID start() {
        return conversations.start(new NewConversation("web", null, null, null)).conversation().id();
    }

    record Answered(UUID conversation, UUID answer) {
    }
}
