package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeChanged;
import dev.parley.knowledge.KnowledgeHit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
public class TrainedScorerTests {

    /** A knowledge base that can change, and whose reads can be held up to keep a training run busy. */
    public static class ChangingKnowledge implements KnowledgeBase {

        public volatile List<KnowledgeArticle> articles;
        public volatile long version = 1;
        volatile CountDownLatch gate = new CountDownLatch(0);

        public ChangingKnowledge(List<KnowledgeArticle> articles) {
            this.articles = articles;
        }

        @Override
        public List<KnowledgeArticle> publishedArticles() {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return articles;
        }

        @Override
        public Optional<KnowledgeArticle> article(String id) {
            return articles.stream().filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public List<KnowledgeHit> search(String query, int limit) {
            return List.of();
        }
    }

    @Test
    void retrainsInTheBackgroundAndSwapsTheNewScorerInAtomically() throws Exception {
        List<KnowledgeArticle> initial = new ArrayList<>(Fixtures.articles());
        KnowledgeArticle giftCards = new KnowledgeArticle("gift_cards", "Gift cards", "Gift cards never expire.",
                null, List.of(), "en", List.of("do gift cards expire", "how do I redeem a gift card",
                        "can I buy a gift voucher", "check my gift card balance"), "/help/articles/gift_cards");
        ChangingKnowledge knowledge = new ChangingKnowledge(initial.subList(0, 5));
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        ArticleScorer<KnowledgeArticle> first = scorer.refresh().get(60, TimeUnit.SECONDS);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.articleCount()).isEqualTo(5);

        List<KnowledgeArticle> changed = new ArrayList<>(initial);
        changed.add(giftCards);
        knowledge.gate = new CountDownLatch(1);
        knowledge.articles = changed;
        knowledge.version = 2;
        CompletableFuture<ArticleScorer<KnowledgeArticle>> retraining = scorer.refresh();
        scorer.onKnowledgeChanged(new KnowledgeChanged(2, Instant.now()));

        // While the new model trains, requests are served at once by the old one.
        assertThat(retraining).isNotDone();
        long start = System.nanoTime();
        assertThat(scorer.current()).isSameAs(first);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        assertThat(best(scorer.current(), "do gift cards expire")).isNotEqualTo("gift_cards");

        knowledge.gate.countDown();
        ArticleScorer<KnowledgeArticle> second = retraining.get(60, TimeUnit.SECONDS);
        assertThat(scorer.current()).isSameAs(second);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.articleCount()).isEqualTo(7);
        assertThat(best(second, "do gift cards ever expire?")).isEqualTo("gift_cards");
        scorer.destroy();
    }

    @Test
    void keepsServingTheOldScorerWhenTrainingFails() throws Exception {
        ChangingKnowledge knowledge = new ChangingKnowledge(Fixtures.articles());
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        ArticleScorer<KnowledgeArticle> first = scorer.refresh().get(60, TimeUnit.SECONDS);
        knowledge.articles = null;
        knowledge.version = 3;
        assertThat(scorer.refresh().get(60, TimeUnit.SECONDS)).isSameAs(first);
        assertThat(scorer.current()).isSameAs(first);
        scorer.destroy();
    }

    @Test
    void aTrainingCutShortByTheApplicationStoppingIsNotReportedAsAFailure(CapturedOutput output) throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        ChangingKnowledge knowledge = new ChangingKnowledge(Fixtures.articles()) {
            @Override
            public List<KnowledgeArticle> publishedArticles() {
                reading.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("HikariDataSource (HikariPool-1) has been closed.");
            }
        };
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        CompletableFuture<ArticleScorer<KnowledgeArticle>> training = scorer.refresh();
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();

        scorer.destroy();

        assertThat(training.get(30, TimeUnit.SECONDS).version()).isEqualTo(-1);
        assertThat(output.getAll()).contains("Training the assistant scorer stopped with the application")
                .doesNotContain("Training the assistant scorer failed");
    }

    @Test
    void oneArticleOrExampleWithoutWordsDoesNotStopTraining() throws Exception {
        List<KnowledgeArticle> articles = new ArrayList<>(Fixtures.articles());
        KnowledgeArticle first = articles.getFirst();
        List<String> examples = new ArrayList<>(first.examples());
        examples.addAll(List.of("\u200b", "\u200b\u200c\ufeff", "🙂"));
        articles.set(0, new KnowledgeArticle(first.id(), first.title(), first.body(), null, List.of(), "en",
                examples, first.url()));
        articles.add(new KnowledgeArticle("blank", "\u200b", "\u2060", null, List.of(), "en", List.of("\u200b"),
                "/help/articles/blank"));
        TrainedScorer scorer = new TrainedScorer(new ChangingKnowledge(articles),
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));

        ArticleScorer<KnowledgeArticle> trained = scorer.refresh().get(60, TimeUnit.SECONDS);

        assertThat(trained.version()).isEqualTo(1);
        assertThat(trained.articleCount()).isGreaterThanOrEqualTo(Fixtures.articles().size());
        assertThat(best(trained, first.examples().getFirst())).isEqualTo(first.id());
        scorer.destroy();
    }

    @Test
    void aTextTheModelRefusesIsLeftOutAndTheRestTrains() throws Exception {
        TextEmbeddings model = Fixtures.embeddings();
        TextEmbeddings refusing = new TextEmbeddings() {
            @Override
            public float[] embed(String text) {
                if (text.contains("poison")) {
                    throw new IllegalArgumentException("Cannot embed this");
                }
                return model.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(this::embed).toList();
            }

            @Override
            public int dimension() {
                return model.dimension();
            }
        };
        List<KnowledgeArticle> articles = new ArrayList<>(Fixtures.articles());
        KnowledgeArticle first = articles.getFirst();
        List<String> examples = new ArrayList<>(first.examples());
        examples.add("poison pill");
        articles.set(0, new KnowledgeArticle(first.id(), first.title(), first.body(), null, List.of(), "en",
                examples, first.url()));
        TrainedScorer scorer = new TrainedScorer(new ChangingKnowledge(articles),
                new ScorerTrainer(refusing, ScorerTrainer.Options.defaults()));

        ArticleScorer<KnowledgeArticle> trained = scorer.refresh().get(60, TimeUnit.SECONDS);

        assertThat(trained.version()).isEqualTo(1);
        assertThat(trained.articleCount()).isEqualTo(articles.size());
        assertThat(best(trained, first.examples().getFirst())).isEqualTo(first.id());
        scorer.destroy();
    }

    private static String best(ArticleScorer<KnowledgeArticle> scorer, String question) {
        return scorer.score(question, Fixtures.embeddings().embed(question))
                .map(ScoredArticle::article).map(KnowledgeArticle::id).orElse(null);
    }
}
