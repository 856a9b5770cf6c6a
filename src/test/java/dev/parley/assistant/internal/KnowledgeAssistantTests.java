package dev.parley.assistant.internal;

import static dev.parley.assistant.internal.TestMessages.answer;
import static dev.parley.assistant.internal.TestMessages.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.eval.StaticKnowledgeBase;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.SourceRef;
import dev.parley.engine.scoring.ScorerTrainer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline on the small test knowledge base with the real embedding model and a trained scorer. */
class KnowledgeAssistantTests {

    private static TrainedScorer scorer;

    @BeforeAll
    static void train() {
        scorer = new TrainedScorer(new StaticKnowledgeBase(Fixtures.articles(), 1),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        scorer.refresh().join();
    }

    @AfterAll
    static void stop() {
        scorer.destroy();
    }

    private AssistantOutcome ask(AssistantSettings settings, String text, List<dev.parley.conversation.Message> history) {
        return new KnowledgeAssistant(scorer, Fixtures.embeddings(), settings).decide(text, history).outcome();
    }

    private AssistantOutcome ask(String text) {
        return ask(AssistantSettings.defaults(), text, List.of());
    }

    @Test
    void answersWithTheArticleAndItsLinkWhenConfident() {
        AssistantOutcome outcome = ask("I forgot my password, how can I reset it?");
        assertThat(outcome.escalates()).isFalse();
        assertThat(outcome.confidence()).isGreaterThanOrEqualTo(0.7).isLessThanOrEqualTo(1.0);
        assertThat(outcome.sources()).containsExactly(
                new SourceRef("reset_password", "Reset your password", "/help/articles/reset_password"));
        assertThat(outcome.replyText()).contains("Forgot password")
                .endsWith("\n\nRead more: [Reset your password](/help/articles/reset_password)")
                .doesNotContain("More: Reset");
    }

    @Test
    void escalatesWhenConfidenceIsBelowTheThreshold() {
        String question = "how long does shipping take to my country";
        assertThat(ask(question).escalates()).isFalse();
        AssistantOutcome strict = ask(AssistantSettings.defaults().withThreshold(0.9999), question, List.of());
        assertThat(strict.escalationReason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
        assertThat(strict.replyText()).contains("support team");
    }

    @Test
    void escalatesQuestionsTheKnowledgeBaseDoesNotCover() {
        AssistantOutcome outcome = ask("what is the capital of australia");
        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
        assertThat(outcome.confidence()).isLessThan(0.7);
    }

    @Test
    void escalatesWhenTheCustomerAsksForAPersonUnlessSwitchedOff() {
        assertThat(ask("Ich möchte mit einem Mitarbeiter sprechen").escalationReason())
                .isEqualTo(EscalationReason.HUMAN_REQUESTED);
        var off = new AssistantSettings(0.7, false, true, AssistantSettings.defaults().loop(), 1200, 0.2, false);
        assertThat(ask(off, "talk to a human about my refund", List.of()).escalationReason())
                .isNotEqualTo(EscalationReason.HUMAN_REQUESTED);
    }

    @Test
    void escalatesWhenTheCustomerIsFrustrated() {
        AssistantOutcome outcome = ask("WHERE IS MY REFUND?? This is ridiculous");
        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.FRUSTRATION);
        assertThat(outcome.replyText()).contains("frustrating");
    }

    @Test
    void escalatesWhenTheCustomerRepeatsAQuestionThatWasAnswered() {
        var history = List.of(customer("how do I reset my password"), answer(0.95));
        assertThat(ask(AssistantSettings.defaults(), "how do I reset my password?", history).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
    }

    @Test
    void answersDifferentQuestionsInARowHoweverModestTheirConfidence() {
        var anyConfidence = AssistantSettings.defaults().withThreshold(0.0);
        var history = List.of(customer("when is customer support open"), answer(0.6));
        assertThat(ask(anyConfidence, "can I get a refund for my order", history).escalates()).isFalse();
    }

    @Test
    void escalatesWhenTheCustomerSaysTheAnswerDidNotHelp() {
        var history = List.of(customer("how do I reset my password"), answer(0.95));
        AssistantOutcome outcome = ask(AssistantSettings.defaults(), "that doesn't help, you're not answering my question",
                history);
        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.LOOP);
        assertThat(outcome.replyText()).contains("aren't helping");
    }

    @Test
    void readsAShortFollowUpWithThePreviousQuestion() {
        var history = List.of(customer("how long does delivery take?"), answer(0.9));
        AssistantOutcome outcome = ask(AssistantSettings.defaults(), "and to Germany?", history);
        assertThat(outcome.escalates()).isFalse();
        assertThat(outcome.sources()).extracting(SourceRef::articleId).containsExactly("shipping_time");
    }

    @Test
    void escalatesWithNoKnowledgeWhenThereAreNoArticles() {
        var empty = new TrainedScorer(new StaticKnowledgeBase(List.of(), 1),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        empty.refresh().join();
        var outcome = new KnowledgeAssistant(empty, Fixtures.embeddings(), AssistantSettings.defaults())
                .decide("how do I reset my password", List.of()).outcome();
        empty.destroy();
        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.NO_KNOWLEDGE);
    }
}
