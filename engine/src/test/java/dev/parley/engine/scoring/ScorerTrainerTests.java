package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.encoder.EncoderTuning;
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
        tuning = new EncoderTuning();
    }

    @AfterAll
    static void close() {
        tuning.close();
    }

    private static List<TestKnowledge.Article> articles(int count, int examplesEach) {
        List<TestKnowledge.Article> articles = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            int article = a;
            List<String> examples = IntStream.range(0, examplesEach).mapToObj(e -> "question " + e + " on " + article).toList();
            articles.add(new TestKnowledge.Article("a" + a, "Article " + a, "Body " + a, examples));
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
