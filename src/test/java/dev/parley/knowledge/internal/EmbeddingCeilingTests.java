package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.engine.runtime.TextEmbeddings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmbeddingCeilingTests {

    /** Takes a millisecond per text and remembers every text and the most calls at once. */
    static final class RecordingEmbeddings implements TextEmbeddings {
        final Set<String> texts = ConcurrentHashMap.newKeySet();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public float[] embed(String text) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            texts.add(text);
            return new float[] {1};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }

        @Override
        public int dimension() {
            return 1;
        }
    }

    @Test
    void embedsFromAsManyCallersAtOnceAsTheConcurrencyAndCountsEveryQuestion() throws Exception {
        var embeddings = new RecordingEmbeddings();

        var level = new EmbeddingCeiling(embeddings, List.of("How do I reset my password?", "Where is my order?"))
                .measure(4, Duration.ofMillis(300));

        assertThat(level.concurrency()).isEqualTo(4);
        assertThat(embeddings.mostAtOnce.get()).isEqualTo(4);
        assertThat(level.questions()).isEqualTo(embeddings.texts.size()).isGreaterThan(20);
        assertThat(level.perSecond()).isBetween(level.questions() / 0.5, level.questions() / 0.3);
        assertThat(level.p50()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void numbersEveryQuestionSoNoneComesFromTheEmbeddingCache() {
        var ceiling = new EmbeddingCeiling(new RecordingEmbeddings(), List.of("Where is my order?"));

        assertThat(ceiling.nextQuestion()).isEqualTo("Where is my order? (ref 1)");
        assertThat(ceiling.nextQuestion()).isEqualTo("Where is my order? (ref 2)");
    }

    @Test
    void refusesToMeasureWithoutQuestions() {
        assertThatThrownBy(() -> new EmbeddingCeiling(new RecordingEmbeddings(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
