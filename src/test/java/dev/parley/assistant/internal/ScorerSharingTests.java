package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.encoder.EncoderStore;
import dev.parley.assistant.internal.scoring.ScorerStore;
import dev.parley.assistant.internal.scoring.TunedScorers;
import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.storage.FileStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Nodes sharing one store and one lock table: who trains the scorer, who waits for it, and for how long. */
class ScorerSharingTests {

    private static List<KnowledgeArticle> articles;
    private static ArticleScorer<KnowledgeArticle> trained;

    @TempDir
    Path files;

    private final String url = "jdbc:h2:mem:sharing-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final AtomicInteger trainings = new AtomicInteger();

    @BeforeAll
    static void train() {
        articles = Fixtures.articles();
        trained = new ScorerTrainer(Fixtures.embeddings(), ScorerTrainer.Options.defaults()).train(articles, 1);
    }

    @Test
    void twoWorkersAskingAtOnceTrainOnceAndBothGetTheScorer() throws Exception {
        ScorerSharing first = worker(node());
        ScorerSharing second = worker(node());
        Supplier<ArticleScorer<KnowledgeArticle>> slowTraining = () -> {
            trainings.incrementAndGet();
            sleep(1_000);
            return trained;
        };
        var a = CompletableFuture.supplyAsync(() -> first.obtain(store(), articles, 1, slowTraining, () -> false));
        var b = CompletableFuture.supplyAsync(() -> second.obtain(store(), articles, 1, slowTraining, () -> false));

        assertThat(a.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(b.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(trainings).hasValue(1);
        assertThat(a.get().get().trained() ^ b.get().get().trained()).as("exactly one trained").isTrue();
    }

    @Test
    void aWebNodeWaitsPastTheFallbackWhileAnotherNodeHoldsTheTrainingLockAndReadsWhatItStores() throws Exception {
        LockProvider other = node();
        SimpleLock held = other.lock(new LockConfiguration(Instant.now(),
                store().lockName(articles), Duration.ofMinutes(5),
                Duration.ZERO)).orElseThrow();
        ScorerSharing web = new ScorerSharing(false, false, node(), Duration.ofMillis(200));
        var waiting = CompletableFuture.supplyAsync(() -> web.obtain(store(), articles, 1, this::count, () -> false));

        sleep(1_500);
        assertThat(waiting).as("still waiting for the node holding the lock").isNotDone();
        store().save(trained);
        held.unlock();

        Optional<ScorerSharing.Obtained> obtained = waiting.get(30, TimeUnit.SECONDS);
        assertThat(obtained).hasValueSatisfying(o -> assertThat(o.trained()).isFalse());
        assertThat(trainings).hasValue(0);
    }

    @Test
    void aWebNodeWithNobodyTrainingTrainsAfterTheFallbackAndStoresForTheOthers() {
        ScorerSharing web = new ScorerSharing(false, false, node(), Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThat(web.obtain(store(), articles, 1, this::count, () -> false))
                .hasValueSatisfying(o -> assertThat(o.trained()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(trainings).hasValue(1);
        assertThat(store().has(articles)).isTrue();
    }

    @Test
    void aWaitingNodeStopsWaitingWhenTheKnowledgeChangesAgain() {
        ScorerSharing web = new ScorerSharing(false, false, node(), Duration.ofMinutes(5));
        assertThat(web.obtain(store(), articles, 1, this::count, () -> true)).isEmpty();
        assertThat(trainings).hasValue(0);
    }

    @Test
    void twoWorkersTuneOnceAndAWebNodeWaitsForTheStoredPairWithoutTuning() throws Exception {
        try (EncoderTuning tuning = new EncoderTuning(new EncoderStore(FileStorage.inDirectory(files)));
                TunedEncoder encoder = tuning.tune(List.of("where is my order", "track my parcel", "refund please",
                        "money back"), new int[] {0, 0, 1, 1}, 2, () -> false)) {
            ScorerStore store = new ScorerStore(FileStorage.inDirectory(files), "options", tuning);
            Supplier<ArticleScorer<KnowledgeArticle>> slowTuning = () -> {
                trainings.incrementAndGet();
                sleep(1_000);
                return TunedScorers.on(trained, encoder);
            };
            Supplier<ArticleScorer<KnowledgeArticle>> noTuning = () -> {
                throw new AssertionError("a web-only node tuned");
            };
            ScorerSharing web = new ScorerSharing(false, false, node(), Duration.ofMinutes(5));
            ScorerSharing first = new ScorerSharing(true, true, node(), Duration.ofMinutes(5));
            ScorerSharing second = new ScorerSharing(true, true, node(), Duration.ofMinutes(5));
            var nodes = Executors.newFixedThreadPool(3); // the common pool may have one thread only
            var c = CompletableFuture.supplyAsync(() -> web.obtainTuned(store, articles, 1, noTuning, () -> false), nodes);
            var a = CompletableFuture.supplyAsync(() -> first.obtainTuned(store, articles, 1, slowTuning, () -> false),
                    nodes);
            var b = CompletableFuture.supplyAsync(() -> second.obtainTuned(store, articles, 1, slowTuning, () -> false),
                    nodes);

            List<ScorerSharing.Obtained> obtained = List.of(a.get(30, TimeUnit.SECONDS).orElseThrow(),
                    b.get(30, TimeUnit.SECONDS).orElseThrow(), c.get(30, TimeUnit.SECONDS).orElseThrow());
            assertThat(trainings).hasValue(1);
            assertThat(obtained).filteredOn(ScorerSharing.Obtained::trained).hasSize(1);
            assertThat(obtained).allSatisfy(o -> assertThat(o.scorer().encoder()).hasValueSatisfying(e ->
                    assertThat(((TunedEncoder) e).id()).isEqualTo(encoder.id())));
            obtained.stream().filter(o -> !o.trained()).forEach(o -> ((TunedEncoder) o.scorer().encoder().get()).close());
            nodes.shutdown();
        }
    }

    private ArticleScorer<KnowledgeArticle> count() {
        trainings.incrementAndGet();
        return trained;
    }

    private ScorerSharing worker(LockProvider locks) {
        return new ScorerSharing(true, false, locks, Duration.ofMinutes(5));
    }

    private ScorerStore store() {
        return new ScorerStore(files, "options");
    }

    /** One node's lock provider, with connections of its own, on this test's database. */
    private LockProvider node() {
        var dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/cluster").load().migrate();
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
