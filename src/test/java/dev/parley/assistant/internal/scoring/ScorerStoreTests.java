package dev.parley.assistant.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.Fixtures;
import dev.parley.assistant.internal.encoder.EncoderStore;
import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.storage.FileStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerStoreTests {

    private static List<KnowledgeArticle> articles;
    private static ArticleScorer<KnowledgeArticle> trained;

    @TempDir
    Path directory;

    @BeforeAll
    static void train() {
        articles = Fixtures.articles();
        trained = new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()).train(articles, 7);
    }

    private ScorerStore store(String options) {
        return new ScorerStore(directory, options);
    }

    @Test
    void readsBackAScorerThatScoresExactlyAsTheTrainedOne() {
        store("a").save(trained);
        ArticleScorer<KnowledgeArticle> read = store("a").load(articles, 8).orElseThrow();
        assertThat(read.version()).isEqualTo(8);
        for (String question : List.of("I forgot my password", "how long does delivery take", "capital of australia")) {
            float[] vector = Fixtures.embeddings().embed(question);
            assertThat(read.score(question, vector)).isEqualTo(trained.score(question, vector));
        }
    }

    @Test
    void aChangedArticleOtherOptionsOrADamagedFileMeanTrainingAgain() throws Exception {
        store("a").save(trained);
        List<KnowledgeArticle> edited = new ArrayList<>(articles);
        KnowledgeArticle first = edited.getFirst();
        edited.set(0, new KnowledgeArticle(first.id(), first.title(), first.body() + " Edited.", first.category(),
                first.tags(), first.locale(), first.examples(), first.url()));
        assertThat(store("a").load(edited, 8)).isEmpty();
        assertThat(store("b").load(articles, 8)).isEmpty();

        Files.write(directory.resolve("models/scorer").resolve(store("a").digest(articles)), new byte[] {1, 2, 3});
        assertThat(store("a").load(articles, 8)).isEmpty();
        assertThat(new ScorerStore(directory.resolve("none"), "a").load(articles, 8)).isEmpty();
    }

    @Test
    void keepsEachScorerUnderTheDigestOfItsArticlesAndOptionsAndOnlyTheNewest() throws Exception {
        store("a").save(trained);
        Path scorers = directory.resolve("models/scorer");
        assertThat(Files.list(scorers).map(f -> f.getFileName().toString()))
                .containsExactly(store("a").digest(articles));
        assertThat(store("a").has(articles)).isTrue();
        assertThat(store("a").lockName(articles)).hasSizeLessThanOrEqualTo(64)
                .isEqualTo(new ScorerStore(directory, "a").lockName(articles))
                .isNotEqualTo(store("b").lockName(articles))
                .isNotEqualTo(new ScorerStore(directory.resolve("elsewhere"), "a").lockName(articles));
        assertThat(store("b").has(articles)).isFalse();

        List<KnowledgeArticle> fewer = articles.subList(1, articles.size());
        store("a").save(new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()).train(fewer, 8));
        assertThat(Files.list(scorers).map(f -> f.getFileName().toString()))
                .containsExactly(store("a").digest(fewer));
        assertThat(store("a").load(articles, 9)).isEmpty();
        assertThat(store("a").load(fewer, 9)).isPresent();
    }

    @Test
    void aTunedScorerIsReadBackOnlyWithTheEncoderItWasTrainedOn() throws Exception {
        int[] labels = {0, 0, 1, 1};
        try (EncoderTuning tuning = new EncoderTuning(new EncoderStore(FileStorage.inDirectory(directory)));
                TunedEncoder encoder = tuning.tune(List.of("where is my order", "track my parcel", "refund please",
                        "money back"), labels, 2, () -> false);
                TunedEncoder other = tuning.tune(List.of("reset my password", "forgot my login", "delivery time",
                        "when will it arrive"), labels, 2, () -> false)) {
            ScorerStore store = new ScorerStore(FileStorage.inDirectory(directory), "a", tuning);
            store.saveTuned(TunedScorers.on(trained, encoder));

            assertThat(store.hasTuned(articles)).isTrue();
            ArticleScorer<KnowledgeArticle> read = store.loadTuned(articles, 8).orElseThrow();
            assertThat(read.encoder()).hasValueSatisfying(e -> assertThat(((TunedEncoder) e).id())
                    .isEqualTo(encoder.id()));
            assertThat(read.encoder().orElseThrow().embed("where is my order"))
                    .containsExactly(encoder.embed("where is my order"));
            ((TunedEncoder) read.encoder().orElseThrow()).close();
            assertThat(store("a").loadTuned(articles, 8)).as("a store that cannot read encoders").isEmpty();
            assertThat(store.loadTuned(articles.subList(1, articles.size()), 8)).as("other articles").isEmpty();
            assertThat(store.load(articles, 8)).as("never as a scorer on the shipped encoder").isEmpty();
            assertThat(store.tunedLockName(articles)).hasSizeLessThanOrEqualTo(64).isNotEqualTo(store.lockName(articles));

            // The encoder's file now holds another tuning's tensors (under this tuning's key): not the scorer's encoder.
            Path file = encoderFile(encoder);
            String key = key(encoder);
            byte[] otherTensors = new String(Files.readAllBytes(encoderFile(other)), StandardCharsets.ISO_8859_1)
                    .replace(key(other), key).getBytes(StandardCharsets.ISO_8859_1);
            Files.write(file, otherTensors);
            assertThat(tuning.stored(other.id().orElseThrow().replace(key(other), key))).as("a readable tuning")
                    .hasValueSatisfying(TunedEncoder::close);
            assertThat(store.loadTuned(articles, 8)).isEmpty();

            Files.write(file, new byte[] {1, 2, 3});
            assertThat(store.loadTuned(articles, 8)).as("a damaged encoder counts as missing").isEmpty();
        }
    }

    private static String key(TunedEncoder encoder) {
        String id = encoder.id().orElseThrow();
        return id.substring(0, id.indexOf('.'));
    }

    private Path encoderFile(TunedEncoder encoder) throws Exception {
        try (var files = Files.list(directory.resolve("models/encoder"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + key(encoder))).findFirst().orElseThrow();
        }
    }
}
