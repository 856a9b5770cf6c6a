package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.eval.StaticKnowledgeBase;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.SourceRef;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With articles in several languages, the offline assistant answers from the one in the customer's language. */
class LanguagePreferenceTests {

    private static TrainedScorer scorer;
    private static TrainedScorer englishOnly;

    @BeforeAll
    static void train() {
        List<KnowledgeArticle> articles = new ArrayList<>(Fixtures.articles());
        articles.add(new KnowledgeArticle("passwort", "Passwort zurücksetzen",
                "Öffnen Sie **Anmelden**, wählen Sie *Passwort vergessen* und folgen Sie dem Link in der E-Mail.",
                null, List.of(), "de", List.of("Ich habe mein Passwort vergessen", "wie kann ich mein Passwort zurücksetzen",
                        "Passwort ändern bitte", "der Link zum Zurücksetzen des Passworts funktioniert nicht",
                        "ich kann mich nicht an mein Passwort erinnern"), "/help/articles/passwort"));
        scorer = new TrainedScorer(new StaticKnowledgeBase(articles, 1),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        scorer.refresh().join();
        englishOnly = new TrainedScorer(new StaticKnowledgeBase(Fixtures.articles(), 1),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        englishOnly.refresh().join();
    }

    @AfterAll
    static void stop() {
        scorer.destroy();
        englishOnly.destroy();
    }

    private AssistantOutcome ask(String text) {
        return new KnowledgeAssistant(scorer, Fixtures.embeddings(), AssistantSettings.defaults().withThreshold(0.2))
                .decide(text, List.of()).outcome();
    }

    @Test
    void aGermanQuestionIsAnsweredFromTheGermanArticle() {
        AssistantOutcome outcome = ask("Ich habe mein Passwort vergessen, wie kann ich es zurücksetzen?");
        assertThat(outcome.escalates()).isFalse();
        assertThat(outcome.sources()).extracting(SourceRef::articleId).containsExactly("passwort");
        assertThat(outcome.replyText()).startsWith("Öffnen Sie");
    }

    @Test
    void anEnglishQuestionIsAnsweredFromTheEnglishArticle() {
        AssistantOutcome outcome = ask("I forgot my password, how can I reset it?");
        assertThat(outcome.sources()).extracting(SourceRef::articleId).containsExactly("reset_password");
        assertThat(outcome.replyText()).startsWith("To reset your password");
    }

    @Test
    void withoutAnArticleInTheirLanguageTheCustomerIsToldTheAnswerIsInEnglish() {
        AssistantOutcome outcome = new KnowledgeAssistant(englishOnly, Fixtures.embeddings(),
                AssistantSettings.defaults().withThreshold(0.0))
                .decide("Ich habe mein Passwort vergessen, wie kann ich es zurücksetzen?", List.of()).outcome();
        assertThat(outcome.escalates()).isFalse();
        assertThat(outcome.replyText()).startsWith("Leider kann ich nur auf Englisch antworten.");
    }
}
