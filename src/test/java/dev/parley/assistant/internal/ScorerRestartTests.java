package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.eval.StaticKnowledgeBase;
import dev.parley.assistant.internal.scoring.ScorerStore;
import dev.parley.engine.scoring.ScorerTrainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart with unchanged knowledge reads the stored scorer back instead of training again. */
class ScorerRestartTests {

    @TempDir
    Path dataDir;

    @Test
    void anUnchangedRestartAnswersWithTheStoredScorerWithoutTraining() {
        var knowledge = new StaticKnowledgeBase(DemoArticles.all(), 5);
        var options = ScorerTrainer.Options.defaults();
        ScorerTrainer trainer = new ScorerTrainer(Fixtures.embeddings(), options);
        // After the restart any training would fail: the scorer can only come from the store.
        ScorerTrainer unableToTrain = new ScorerTrainer(new dev.parley.engine.runtime.TextEmbeddings() {
            @Override
            public float[] embed(String text) {
                throw new IllegalStateException("trained again");
            }

            @Override
            public java.util.List<float[]> embedAll(java.util.List<String> texts) {
                throw new IllegalStateException("trained again");
            }

            @Override
            public int dimension() {
                return 384;
            }
        }, options);
        var first = new TrainedScorer(knowledge, trainer, new ScorerStore(dataDir, options.toString()));
        first.refresh().join();
        first.destroy();

        long started = System.nanoTime();
        var restarted = new TrainedScorer(knowledge, unableToTrain, new ScorerStore(dataDir, options.toString()));
        restarted.refresh().join();
        long millis = (System.nanoTime() - started) / 1_000_000;
        var answer = new KnowledgeAssistant(restarted, Fixtures.embeddings(), dev.parley.assistant.AssistantSettings.defaults())
                .decide("How do I return an item?", java.util.List.of()).outcome();
        restarted.destroy();

        assertThat(restarted.current().version()).isEqualTo(5);
        assertThat(millis).as("read back, not trained").isLessThan(3_000);
        assertThat(answer.escalates()).isFalse();
        assertThat(answer.sources().getFirst().articleId()).isEqualTo("how-to-return");
    }
}
