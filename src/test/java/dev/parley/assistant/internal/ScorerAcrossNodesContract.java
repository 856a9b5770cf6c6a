package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import dev.parley.assistant.AssistantReadiness;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
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
 * with it; a web node with no worker trains after {@code parley.node.train-fallback-after} (ADR 0032). Subclasses pick the database both nodes share.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ScorerAcrossNodesContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

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

    private static int trainings(ConfigurableApplicationContext node) {
        return node.getBean(TrainedScorer.class).trainings();
    }

    private static void awaitReady(ConfigurableApplicationContext node) {
        assertThat(node.getBean(AssistantReadiness.class).awaitReady(TIMEOUT)).isTrue();
    }

    private ConfigurableApplicationContext node(String name, String roles, String fallback) {
        // Command-line arguments outrank the system properties surefire sets for every test.
        List<String> args = new ArrayList<>(List.of("--parley.data-dir=target/scorer-nodes-" + run + "-" + name,
                "--parley.storage.local.directory=target/scorer-nodes-" + run + "-shared-files",
                "--server.port=0", "--parley.knowledge.sync-interval=500ms", "--parley.node.roles=" + roles,
                "--parley.node.train-fallback-after=" + fallback));
        args.addAll(database());
        return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
    }
}
