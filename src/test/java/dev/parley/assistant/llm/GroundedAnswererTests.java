package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.assistant.llm.GroundedDecision.Unanswerable;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.SourceRef;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroundedAnswererTests {

    private final LlmFixture fixture = new LlmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void modelAnswers(String content) {
        fixture.modelAnswers(content, 900, 60);
    }

    @Test
    void answersFromTheGivenArticlesAndCitesThem() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset"), "Open Settings > Security and reset it."));

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isEqualTo(new Answered("Open Settings > Security and reset it.", 0.82,
                List.of(new SourceRef("kb-reset", "Reset your password", "https://help.example.com/kb-reset")), false));
        String user = OpenAiWire.userMessages(fixture.lastRequestBody()).getFirst();
        assertThat(user).contains("<article id=\"kb-reset\" title=\"Reset your password\">")
                .contains("<article id=\"kb-refund\"");
    }

    @Test
    void dropsCitedSourcesItWasNotGivenAndLowersTheConfidence() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset", "kb-invented"), "Use the reset link."));

        var decision = (Answered) fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision.sources()).extracting(SourceRef::articleId).containsExactly("kb-reset");
        assertThat(decision.confidence()).isCloseTo(0.82 * 0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void escalatesAnAnswerThatCitesNoGivenArticle() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-invented"), "Just call us."));

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOf(Unanswerable.class);
        assertThat(LlmOutcomes.toOutcome(decision, null, 0.6).escalationReason()).isEqualTo(EscalationReason.NO_KNOWLEDGE);
    }

    @Test
    void escalatesWhenTheModelSaysTheArticlesDoNotAnswer() {
        modelAnswers(OpenAiWire.decision(false, List.of(), ""));

        var decision = fixture.answerer.answer(fixture.question("Can I pay with goats?"));

        assertThat(decision).isInstanceOf(Unanswerable.class);
        assertThat(decision.confidence()).isLessThan(0.82 / 2);
        var outcome = LlmOutcomes.toOutcome(decision, null, 0.6);
        assertThat(outcome.escalates()).isTrue();
        assertThat(outcome.replyText()).isEqualTo(LlmOutcomes.NOT_SURE_TEXT);
    }

    @Test
    void treatsFreeTextInsteadOfTheJsonDecisionAsAFailure() {
        modelAnswers("Sure! You can reset your password in Settings. answerable: true");

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.INVALID_RESPONSE));
    }

    @Test
    void treatsAMistypedDecisionAsAFailure() {
        modelAnswers("{\"answerable\":\"yes\",\"usedSources\":[\"kb-reset\"],\"answer\":\"Use the link.\"}");

        assertThat(fixture.answerer.answer(fixture.question("How do I reset my password?")))
                .isInstanceOf(Failed.class);
    }

    @Test
    void redactsPersonalDataBeforeSendingAndRestoresItInTheAnswer() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-refund"), "We will email [EMAIL_1] about your refund."));
        var question = new GroundedQuestion(fixture.conversationId, java.util.UUID.randomUUID(),
                "Refund to card 4111 1111 1111 1111 please, I'm jane@example.com",
                List.of(fixture.message(AuthorType.CUSTOMER, "Call me on +44 20 7946 0958")),
                List.of(LlmFixture.REFUND), 0.9, 3);

        var decision = (Answered) fixture.answerer.answer(question);

        String sent = fixture.lastRequestBody();
        assertThat(sent).doesNotContain("jane@example.com", "4111", "7946")
                .contains("[EMAIL_1]", "[CARD_1]", "[PHONE_1]");
        assertThat(decision.text()).isEqualTo("We will email jane@example.com about your refund.");
    }

    @Test
    void tellsTheModelToAnswerInTheCustomersLanguage() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset"), "Öffnen Sie Einstellungen."));

        fixture.answerer.answer(fixture.question("Wie kann ich mein Passwort zurücksetzen?"));

        assertThat(OpenAiWire.userMessages(fixture.lastRequestBody()).getFirst())
                .contains("<reply_language>German</reply_language>");
    }

    @Test
    void recordsTokensAndCostPerAnswer() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset"), "Use the reset link."));

        fixture.answerer.answer(fixture.question("How do I reset my password?"));

        var totals = fixture.usage.totalsForConversation(fixture.conversationId);
        assertThat(totals.calls()).isEqualTo(1);
        assertThat(totals.inputTokens()).isEqualTo(900);
        assertThat(totals.outputTokens()).isEqualTo(60);
        // 900 x 0.15 / 1M + 60 x 0.60 / 1M
        assertThat(totals.costUsd()).isEqualByComparingTo(new BigDecimal("0.000171"));
    }

    @Test
    void answersARepeatedQuestionFromTheCacheWithoutCallingTheProvider() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset"), "Use the reset link."));

        var first = fixture.answerer.answer(fixture.question("How do I reset my password?"));
        var second = fixture.answerer.answer(fixture.question("  how do I reset my PASSWORD "));

        assertThat(second).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.fromCache()).isTrue();
            assertThat(answered.text()).isEqualTo(((Answered) first).text());
        });
        fixture.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(fixture.meters.counter("parley.assistant.cache", "result", "hit").count()).isEqualTo(1);
        assertThat(fixture.meters.counter("parley.assistant.cache", "result", "miss").count()).isEqualTo(1);
        var totals = fixture.usage.totalsForConversation(fixture.conversationId);
        assertThat(totals.calls()).isEqualTo(2);
        assertThat(totals.cachedCalls()).isEqualTo(1);
    }

    @Test
    void asksTheProviderAgainOnceTheKnowledgeBaseChanged() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-reset"), "Use the reset link."));

        fixture.answerer.answer(fixture.question("How do I reset my password?", 0.8, 7));
        fixture.answerer.answer(fixture.question("How do I reset my password?", 0.8, 8));

        fixture.server.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aFollowUpQuestionIsNeverAnsweredFromTheCache() {
        modelAnswers(OpenAiWire.decision(true, List.of("kb-refund"), "About 5 business days."));
        var history = List.of(fixture.message(AuthorType.CUSTOMER, "Where is my refund?"));

        for (int i = 0; i < 2; i++) {
            fixture.answerer.answer(new GroundedQuestion(fixture.conversationId, java.util.UUID.randomUUID(),
                    "How long does that take?", history, List.of(LlmFixture.REFUND), 0.8, 7));
        }

        fixture.server.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void failsHonestlyWhenNoProviderIsConfigured() {
        var offline = new LlmProviders(TestSettings.offline(false), List.of());

        assertThat(offline.active()).isEmpty();
    }
}
