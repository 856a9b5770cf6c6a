package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.eval.StaticKnowledgeBase;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import dev.parley.engine.scoring.ScorerTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole conversations on the demo knowledge base (the README's demo), each message decided with the
 * history before it: different questions answered in a row stay with the assistant, real loops go to a person.
 */
class DemoConversationsTests {

    private static TrainedScorer scorer;
    private static KnowledgeAssistant assistant;

    @BeforeAll
    static void train() {
        scorer = new TrainedScorer(new StaticKnowledgeBase(DemoArticles.all(), 1),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        scorer.refresh().join();
        assistant = new KnowledgeAssistant(scorer, Fixtures.embeddings(), AssistantSettings.defaults());
    }

    @AfterAll
    static void stop() {
        scorer.destroy();
    }

    /** Each customer message in turn; the outcomes, with the history growing as the widget's would. */
    private static List<AssistantOutcome> replay(String... questions) {
        List<Message> history = new ArrayList<>();
        List<AssistantOutcome> outcomes = new ArrayList<>();
        for (String question : questions) {
            AssistantOutcome outcome = assistant.decide(question, List.copyOf(history)).outcome();
            outcomes.add(outcome);
            history.add(TestMessages.customer(question));
            history.add(TestMessages.message(AuthorType.ASSISTANT, outcome.replyText(), outcome.confidence(),
                    outcome.sources()));
        }
        return outcomes;
    }

    @Test
    void theReadmeDemoAnswersBothQuestions() {
        List<AssistantOutcome> outcomes = replay("How do I return an item?", "Where is my order?");
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.escalates()).isFalse());
        assertThat(outcomes.get(1).sources().getFirst().articleId()).isEqualTo("track-your-order");
    }

    @Test
    void answersWithAShortPassageInWholeSentencesAndLinksTheArticleOnce() {
        for (String question : List.of("Where is my order?", "How do I return an item?", "How long does a refund take?",
                "Do you ship to Canada?", "Is return shipping free?")) {
            String reply = replay(question).getFirst().replyText();
            String passage = reply.substring(0, reply.indexOf("\n\nRead more: ["));
            assertThat(passage).as(question).hasSizeLessThanOrEqualTo(600).doesNotContain("More: ")
                    .doesNotContainPattern("[^\\n]\\n(?!\\n|- |\\d+\\. )").doesNotContain("|---");
            assertThat(reply).as(question).containsOnlyOnce("Read more: ").endsWith(")");
        }
    }

    @Test
    void severalDifferentQuestionsInARowAreNoLoop() {
        assertThat(replay("Do you ship to Canada?", "How long does a refund take?", "Can I change my delivery address?",
                "What payment methods do you accept?", "I forgot my password"))
                .allSatisfy(outcome -> assertThat(outcome.escalates()).isFalse());
        assertThat(replay("How do I return an item?", "is return shipping free?", "How long does a refund take?"))
                .allSatisfy(outcome -> assertThat(outcome.escalates()).isFalse());
    }

    @Test
    void askingTheSameThingAgainAfterAnAnswerIsALoop() {
        assertThat(replay("How do I return an item?", "How do I return an item").get(1).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
        assertThat(replay("Where is my order?", "I still don't know where my order is").get(1).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
        assertThat(replay("How do I return an item?", "how can I send something back").get(1).escalationReason())
                .as("a rephrasing answered by the same article").isEqualTo(EscalationReason.LOOP);
    }

    @Test
    void sayingTheAnswerDidNotHelpIsALoopInTheCustomersLanguage() {
        assertThat(replay("How do I return an item?", "that doesn't help").get(1).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
        assertThat(replay("Where is my order?", "Das hilft mir nicht").get(1).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
        assertThat(replay("Where is my order?", "ça ne m'aide pas").get(1).escalationReason())
                .isEqualTo(EscalationReason.LOOP);
    }
}
