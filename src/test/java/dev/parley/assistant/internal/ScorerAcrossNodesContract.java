package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.parley.ParleyApplication;
import dev.parley.assistant.AssistantReadiness;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker and a web-only node (application contexts with data folders of their own) on one database and one
 * file storage: the worker trains the assistant's scorer once and stores it, the web node reads it back and answers
 * with it; a web node with no worker trains after {@code parley.node.train-fallback-after}. With encoder tuning on, the
 * worker tunes the encoder once and stores it with the scorer on it; the web node never tunes, and answers with that
 * pair (ADR 0032). Subclasses pick the database both nodes share.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ScorerAcrossNodesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Tuning the small test knowledge base takes seconds alone, minutes on a loaded 2-core machine. */
    private static final Duration TUNING_TIMEOUT = Duration.ofMinutes(8);
    private static final String[] TUNING = {"--parley.assistant.encoder-tuning=true",
        "--parley.knowledge.demo-content=false"};

    protected final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String id = "scorer-" + run;

    /** Command-line arguments that put a node on this test's database, the same for both nodes. */
    protected abstract List<String> database();

    @Test
    void theWorkerTrainsOnceForAKnowledgeChangeAndTheWebNodeAnswersWithTheStoredScorer() {
        try (var worker = node("worker", "web,worker", "5m")) {
            awaitReady(worker);
            try (var web = node("web", "web", "5m")) {
                awaitReady(web);
                assertThat(trainings(web)).as("the web node read the worker's scorer back").isZero();
                int before = trainings(worker);

                worker.getBean(Articles.class).create(new ArticleDraft(id, "Frobnicator warranty",
                        "Every frobnicator carries a two-year warranty covering parts and labour.", null, List.of(),
                        null, ArticleStatus.PUBLISHED, List.of("how long is the frobnicator warranty?",
                                "is my frobnicator still under warranty?", "does the warranty cover repairs?")));

                KnowledgeAssistant assistant = web.getBean(KnowledgeAssistant.class);
                Eventually.within(TIMEOUT, "the web node answers with the article the worker trained on", () -> {
                    var outcome = assistant.decide("how long is the frobnicator warranty?", List.of()).outcome();
                    return !outcome.escalates() && outcome.sources().stream().anyMatch(s -> s.articleId().equals(id));
                });
                assertThat(trainings(worker) - before).as("the worker trained once for the change").isEqualTo(1);
                assertThat(trainings(web)).as("the web node never trained").isZero();
            }
        }
    }

    @Test
    void aWebNodeWithNoWorkerTrainsItselfAfterTheFallback(CapturedOutput output) {
        try (var web = node("alone", "web", "2s")) {
            awaitReady(web);
            assertThat(trainings(web)).isPositive();
            assertThat(output.getOut()).contains("No worker stored the assistant scorer");
        }
    }

    @Test
    void theWorkerTunesOnceAndTheWebNodeAnswersWithTheStoredTunedPair(CapturedOutput output) throws Exception {
        try (var worker = node("tuning-worker", "web,worker", "5m", TUNING)) {
            awaitReady(worker);
            Articles articles = worker.getBean(Articles.class);
            articles.importAll(Fixtures.articles().stream().map(a -> new ArticleDraft(a.id(), a.title(), a.body(), null,
                    List.of(), "en", ArticleStatus.PUBLISHED, a.examples())).toList());
            awaitTuned(worker, worker);
            assertThat(worker.getBean(TrainedScorer.class).tunings()).as("the worker tuned once").isEqualTo(1);
            try (var web = node("tuning-web", "web", "5m", TUNING)) {
                awaitReady(web);
                awaitTuned(web, worker);
                assertSameDecisions(worker, web);

                // A stored encoder that cannot be read counts as missing: after the next change the worker tunes it
                // again (the folds' tunings are read back), and the web node follows.
                Files.write(encoderFile(worker), new byte[] {1, 2, 3});
                var article = articles.find("shipping_time").orElseThrow();
                articles.update(article.id(), new ArticleDraft(article.id(), article.title(),
                        article.body() + " Express delivery takes one day.", null, List.of(), "en",
                        ArticleStatus.PUBLISHED, article.examples()));
                awaitTuned(worker, worker);
                awaitTuned(web, worker);
                assertSameDecisions(worker, web);
                assertThat(worker.getBean(TrainedScorer.class).tunings()).as("tuned once more").isEqualTo(2);
                assertThat(web.getBean(TrainedScorer.class).tunings()).as("the web node never tuned").isZero();
                assertThat(output.getOut()).contains("Ignoring the unreadable tuned encoder");
            }
        }
    }

    /** Waits until {@code node} answers with a tuned pair for the knowledge version {@code worker} has now. */
    private static void awaitTuned(ConfigurableApplicationContext node, ConfigurableApplicationContext worker) {
        long version = worker.getBean(KnowledgeBase.class).version();
        TrainedScorer scorer = node.getBean(TrainedScorer.class);
        Eventually.within(TUNING_TIMEOUT, "a scorer on the tuned encoder for knowledge version " + version,
                () -> scorer.current().version() == version && scorer.current().encoder().isPresent());
    }

    private static void assertSameDecisions(ConfigurableApplicationContext worker, ConfigurableApplicationContext web) {
        assertThat(encoderId(web)).as("the web node uses the worker's tuned encoder").isEqualTo(encoderId(worker));
        for (String question : List.of("how long does shipping take?", "I forgot my password", "capital of Mongolia")) {
            var expected = worker.getBean(KnowledgeAssistant.class).decide(question, List.of()).best().orElseThrow();
            var actual = web.getBean(KnowledgeAssistant.class).decide(question, List.of()).best().orElseThrow();
            assertThat(actual.article().id()).as(question).isEqualTo(expected.article().id());
            assertThat(actual.confidence()).as(question).isCloseTo(expected.confidence(), within(1e-9));
        }
    }

    private static String encoderId(ConfigurableApplicationContext node) {
        return ((TunedEncoder) node.getBean(TrainedScorer.class).current().encoder().orElseThrow()).id().orElseThrow();
    }

    /** The stored file of the encoder the worker answers with. */
    private Path encoderFile(ConfigurableApplicationContext worker) throws Exception {
        String key = encoderId(worker).substring(0, encoderId(worker).indexOf('.'));
        try (var files = Files.list(Path.of("target/scorer-nodes-" + run + "-shared-files/models/encoder"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + key)).findFirst().orElseThrow();
        }
    }

    private static int trainings(ConfigurableApplicationContext node) {
        return node.getBean(TrainedScorer.class).trainings();
    }

    private static void awaitReady(ConfigurableApplicationContext node) {
        assertThat(node.getBean(AssistantReadiness.class).awaitReady(TIMEOUT)).isTrue();
    }

    private ConfigurableApplicationContext node(String name, String roles, String fallback, String... more) {
        // Command-line arguments outrank the system properties surefire sets for every test.
        List<String> args = new ArrayList<>(List.of("--parley.data-dir=target/scorer-nodes-" + run + "-" + name,
                "--parley.storage.local.directory=target/scorer-nodes-" + run + "-shared-files",
                "--server.port=0", "--parley.knowledge.sync-interval=500ms", "--parley.node.roles=" + roles,
                "--parley.node.train-fallback-after=" + fallback));
        args.addAll(List.of(more));
        args.addAll(database());
        return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
    }
}
