package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.TrainedScorerTests.ChangingKnowledge;
import dev.parley.assistant.internal.encoder.EncoderStore;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.storage.FileStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedScorerTests {

    private static Path store;
    private static EncoderTuning tuning;

    @BeforeAll
    static void tuning(@TempDir Path directory) {
        store = directory;
        tuning = new EncoderTuning(new EncoderStore(FileStorage.inDirectory(store)));
    }

    @AfterAll
    static void close() {
        tuning.close();
    }

    @Test
    void theScorerOnTheTunedEncoderReplacesTheFirstOneAndAnswersWithIt() throws Exception {
        TrainedScorer scorers = new TrainedScorer(new ChangingKnowledge(Fixtures.articles()),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults(), tuning));

        ArticleScorer<KnowledgeArticle> scorer = scorers.refresh().get(300, TimeUnit.SECONDS);

        assertThat(scorer.encoder()).as("trained on the tuned encoder").isPresent();
        assertThat(scorers.current()).isSameAs(scorer);
        try (var files = Files.list(store.resolve("models/encoder"))) {
            assertThat(files).as("the tuning and its 4 cross-validation folds'").hasSize(5);
        }
        var assistant = new KnowledgeAssistant(scorers, Fixtures.embeddings(), AssistantSettings.defaults());
        AssistantOutcome outcome = assistant.decide("how long does shipping take?", List.of()).outcome();
        assertThat(outcome.escalates()).isFalse();
        assertThat(outcome.sources()).singleElement().satisfies(s -> assertThat(s.articleId()).isEqualTo("shipping_time"));
        assertThat(assistant.decide("what's the capital of Mongolia?", List.of()).outcome().escalates()).isTrue();
        scorers.destroy();
    }

    @Test
    void aStoredTuningOfTheSameTextsIsReusedInsteadOfTunedAgain(@TempDir Path directory) {
        EncoderTuning tuning = new EncoderTuning(new EncoderStore(FileStorage.inDirectory(directory)));
        List<String> texts = List.of("where is my order", "track my parcel", "refund please", "money back");
        int[] labels = {0, 0, 1, 1};
        float[] first = tuning.tune(texts, labels, 2, () -> false).embed("where is my order");

        float[] again = tuning.tune(texts, labels, 2, () -> {
            throw new AssertionError("tuned again instead of reusing the stored tuning");
        }).embed("where is my order");

        assertThat(again).containsExactly(first);
        tuning.close();
    }
}
