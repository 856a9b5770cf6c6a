package dev.parley.assistant.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.Fixtures;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
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
}
