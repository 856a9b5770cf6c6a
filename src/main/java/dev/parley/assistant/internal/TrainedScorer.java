package dev.parley.assistant.internal;

import dev.parley.assistant.internal.scoring.ScorerStore;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeChanged;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The scorer currently serving, retrained in the background when published knowledge changes. Requests
 * read the current scorer without waiting; a newly trained one replaces it in one atomic swap. Changes
 * that arrive during training are coalesced into one more run. When encoder tuning applies, a second,
 * slower stage follows each run: the scorer on the tuned encoder replaces the first one, both read back from the store
 * when a node stored them (ADR 0032).
 */
public class TrainedScorer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainedScorer.class);
    /** A decision takes milliseconds; a replaced encoder is closed well after any that used it. */
    private static final long RETIREMENT_SECONDS = 60;

    private final KnowledgeBase knowledge;
    private final ScorerTrainer trainer;
    private final ScorerStore store;
    private final ScorerSharing sharing;
    private final AtomicInteger trainings = new AtomicInteger();
    private final AtomicInteger tunings = new AtomicInteger();
    private final AtomicReference<ArticleScorer<KnowledgeArticle>> current =
            new AtomicReference<>(ArticleScorer.empty(-1));
    private boolean pending;
    private boolean active;
    private volatile boolean stopped;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "assistant-scorer-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final ScheduledExecutorService retirement = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "assistant-encoder-retirement");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CompletableFuture<ArticleScorer<KnowledgeArticle>> running =
            CompletableFuture.completedFuture(current.get());

    public TrainedScorer(KnowledgeBase knowledge, ScorerTrainer trainer) {
        this(knowledge, trainer, null);
    }

    /** With a store, the scorer for unchanged knowledge is read back at start instead of trained again. */
    public TrainedScorer(KnowledgeBase knowledge, ScorerTrainer trainer, ScorerStore store) {
        this(knowledge, trainer, store, ScorerSharing.alone());
    }

    /** With {@code sharing}, a scorer another node stored is read back, and this node trains only as it says. */
    TrainedScorer(KnowledgeBase knowledge, ScorerTrainer trainer, ScorerStore store, ScorerSharing sharing) {
        this.knowledge = knowledge;
        this.trainer = trainer;
        this.store = store;
        this.sharing = sharing;
    }

    /** How many times this node has trained a scorer on the shipped encoder (read-back ones do not count). */
    int trainings() {
        return trainings.get();
    }

    /** How many times this node has trained a scorer on a tuned encoder (read-back ones do not count). */
    int tunings() {
        return tunings.get();
    }

    /** The scorer to use now; never blocks. */
    public ArticleScorer<KnowledgeArticle> current() {
        return current.get();
    }

    /** Asks for a retrain; returns when the scorer serving is at least as new as the knowledge is now. */
    public synchronized CompletableFuture<ArticleScorer<KnowledgeArticle>> refresh() {
        pending = true;
        if (!active) {
            active = true;
            running = CompletableFuture.supplyAsync(this::trainWhilePending, worker);
        }
        return running;
    }

    private synchronized boolean takePending() {
        if (!pending) {
            active = false;
            return false;
        }
        pending = false;
        return true;
    }

    public void onKnowledgeChanged(KnowledgeChanged event) {
        if (event.version() != current.get().version()) {
            refresh();
        }
    }

    private synchronized boolean hasPending() {
        return pending;
    }

    private boolean changedOrStopped() {
        return stopped || hasPending();
    }

    private ArticleScorer<KnowledgeArticle> trainWhilePending() {
        while (takePending()) {
            long version = knowledge.version();
            long started = System.nanoTime();
            try {
                List<KnowledgeArticle> articles = knowledge.publishedArticles();
                Optional<ScorerSharing.Obtained> obtained = obtain(articles, version);
                if (obtained.isEmpty()) {
                    continue;
                }
                ArticleScorer<KnowledgeArticle> scorer = obtained.get().scorer();
                swap(scorer);
                log.info("Assistant scorer {} {} articles (knowledge version {}) in {} ms",
                        obtained.get().trained() ? "trained on" : "read back from its store for",
                        scorer.articleCount(), version, (System.nanoTime() - started) / 1_000_000);
                if (trainer.tunes(articles) && !hasPending()) {
                    tune(articles, version);
                }
            } catch (RuntimeException e) {
                if (stopped) {  // the application is stopping: its database pool and store may already be closed
                    log.info("Training the assistant scorer stopped with the application ({})", e.toString());
                    return current.get();
                }
                log.error("Training the assistant scorer failed; the previous scorer keeps serving", e);
            }
        }
        return current.get();
    }

    private Optional<ScorerSharing.Obtained> obtain(List<KnowledgeArticle> articles, long version) {
        Supplier<ArticleScorer<KnowledgeArticle>> train = () -> {
            trainings.incrementAndGet();
            return trainer.train(articles, version);
        };
        if (store == null) {
            return Optional.of(new ScorerSharing.Obtained(train.get(), true));
        }
        return sharing.obtain(store, articles, version, train, this::hasPending);
    }

    /**
     * Second stage: the scorer on an encoder fine-tuned on this version's examples replaces the one on the
     * shipped encoder; a newer knowledge change stops it, and the loop starts over with that change.
     */
    private void tune(List<KnowledgeArticle> articles, long version) {
        long started = System.nanoTime();
        Supplier<ArticleScorer<KnowledgeArticle>> tune = () -> {
            tunings.incrementAndGet();
            return trainer.trainTuned(articles, version, this::changedOrStopped);
        };
        try {
            Optional<ScorerSharing.Obtained> obtained = store == null
                    ? Optional.of(new ScorerSharing.Obtained(tune.get(), true))
                    : sharing.obtainTuned(store, articles, version, tune, this::changedOrStopped);
            if (obtained.isEmpty()) {
                return;
            }
            swap(obtained.get().scorer());
            log.info("Assistant scorer on an encoder tuned to knowledge version {} {} in {} s", version,
                    obtained.get().trained() ? "trained" : "read back from its store",
                    (System.nanoTime() - started) / 1_000_000_000);
        } catch (CancellationException e) {
            log.info("Encoder tuning for knowledge version {} stopped: {}", version,
                    stopped ? "the application is stopping" : "the knowledge changed again");
        }
    }

    /** Swaps a scorer in; a tuned encoder it replaces is closed once requests under way are done with it. */
    private void swap(ArticleScorer<KnowledgeArticle> next) {
        ArticleScorer<KnowledgeArticle> previous = current.getAndSet(next);
        previous.encoder().filter(old -> next.encoder().orElse(null) != old)
                .filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast)
                .ifPresent(old -> retirement.schedule(() -> close(old), RETIREMENT_SECONDS, TimeUnit.SECONDS));
    }

    private static void close(AutoCloseable encoder) {
        try {
            encoder.close();
        } catch (Exception e) {
            log.warn("Could not close a replaced encoder", e);
        }
    }

    @Override
    public void destroy() {
        stopped = true;
        worker.shutdownNow();
        retirement.shutdownNow();
    }
}
