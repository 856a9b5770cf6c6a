package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.eval.StaticKnowledgeBase;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartupReadinessTests {

    /** The fixtures' articles at version 3, with a search index that has caught up to {@code searchable}. */
    private static final class Knowledge implements KnowledgeBase {
        private final StaticKnowledgeBase articles = new StaticKnowledgeBase(Fixtures.articles(), 3);
        volatile long version = 3;
        volatile long searchable = -1;

        @Override
        public List<KnowledgeArticle> publishedArticles() {
            return articles.publishedArticles();
        }

        @Override
        public Optional<KnowledgeArticle> article(String id) {
            return articles.article(id);
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public long searchableVersion() {
            return searchable;
        }

        @Override
        public List<KnowledgeHit> search(String query, int limit) {
            return List.of();
        }
    }

    @Test
    void readyOnceTheScorerAndTheIndexHaveLoadedTheKnowledgeThereWasAtStartThenReadyForGood() {
        Knowledge knowledge = new Knowledge();
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        StartupReadiness readiness = new StartupReadiness(scorer, knowledge, () -> { });
        assertThat(readiness.ready()).as("nothing loaded").isFalse();
        assertThat(readiness.awaitReady(Duration.ofMillis(200))).isFalse();

        scorer.refresh().join();
        assertThat(readiness.ready()).as("the index is still behind").isFalse();
        knowledge.searchable = 3;
        assertThat(readiness.awaitReady(Duration.ofSeconds(5))).isTrue();

        knowledge.version = 4;
        assertThat(readiness.ready()).as("a later change is loaded in the background").isTrue();
        scorer.destroy();
    }

    @Test
    void theTargetIsTheKnowledgeThereWasWhenTheApplicationStartedNotWhenReadinessIsFirstAskedFor() {
        Knowledge knowledge = new Knowledge();
        knowledge.searchable = 3;
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        StartupReadiness readiness = new StartupReadiness(scorer, knowledge, () -> { });
        readiness.started();
        scorer.refresh().join();

        knowledge.version = 9; // changed since the start; the scorer and the index catch up in the background
        assertThat(readiness.awaitReady(Duration.ofSeconds(5))).as("what there was at start is loaded").isTrue();
        scorer.destroy();
    }

    @Test
    void readyOnlyAfterTheWarmUpQuestionWentThroughTheDecisionAndEvenIfItFailed() throws Exception {
        Knowledge knowledge = new Knowledge();
        knowledge.searchable = 3;
        TrainedScorer scorer = new TrainedScorer(knowledge,
                new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()));
        java.util.concurrent.CountDownLatch warming = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        StartupReadiness readiness = new StartupReadiness(scorer, knowledge, () -> {
            warming.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the model could not be loaded");
        });
        readiness.started();
        scorer.refresh().join();

        assertThat(warming.await(5, java.util.concurrent.TimeUnit.SECONDS))
                .as("the warm-up starts once the knowledge is loaded, without anyone asking").isTrue();
        assertThat(readiness.ready()).as("loaded, but the first question would still load the models").isFalse();
        release.countDown();
        assertThat(readiness.awaitReady(Duration.ofSeconds(5))).as("a failed warm-up does not hold readiness back").isTrue();
        scorer.destroy();
        readiness.destroy();
    }
}
