package dev.parley.assistant.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.encoder.EncoderTuning;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.storage.FileStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScorerTrainerTests {

    private static EncoderTuning tuning;

    @BeforeAll
    static void open() {
        tuning = new EncoderTuning((FileStorage) null);
    }

    @AfterAll
    static void close() {
        tuning.close();
    }

    private static List<KnowledgeArticle> articles(int count, int examplesEach) {
        List<KnowledgeArticle> articles = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            int article = a;
            List<String> examples = IntStream.range(0, examplesEach).mapToObj(e -> "question " + e + " on " + article).toList();
            articles.add(new KnowledgeArticle("a" + a, "Article " + a, "Body " + a, null, List.of(), "en", examples,
                    "/help/articles/a" + a));
        }
        return articles;
    }

    private static ScorerTrainer trainer(EncoderTuning tuning) {
        return new ScorerTrainer(null, ScorerTrainer.Options.defaults(), tuning);
    }

    @Test
    void tunesTheEncoderForArticlesWithAFewExampleQuestionsEach() {
        assertThat(trainer(tuning).tunes(articles(3, 10))).isTrue();
        assertThat(trainer(tuning).tunes(articles(3, ScorerTrainer.MAX_EXAMPLES_PER_ARTICLE_TO_TUNE))).isTrue();
    }

    @Test
    void keepsTheShippedEncoderWhenArticlesHaveManyExampleQuestionsEach() {
        assertThat(trainer(tuning).tunes(articles(3, ScorerTrainer.MAX_EXAMPLES_PER_ARTICLE_TO_TUNE + 1))).isFalse();
    }

    @Test
    void keepsTheShippedEncoderForProseArticlesForASingleArticleAndWhenTuningIsOff() {
        assertThat(trainer(tuning).tunes(articles(3, 0))).as("prose").isFalse();
        assertThat(trainer(tuning).tunes(articles(1, 10))).as("one article").isFalse();
        assertThat(trainer(null).tunes(articles(3, 10))).as("tuning off").isFalse();
    }
}
