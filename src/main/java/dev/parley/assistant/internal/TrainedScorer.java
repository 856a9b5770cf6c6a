package dev.parley.assistant.internal;

import dev.parley.assistant.internal.scoring.ArticleScorer;
import dev.parley.assistant.internal.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeChanged;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The scorer currently serving, retrained in the background when published knowledge changes. Requests
 * read the current scorer without waiting; a newly trained one replaces it in one atomic swap. Changes
 * that arrive during training are coalesced into one more run.
 */
public class TrainedScorer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainedScorer.class);

    private final KnowledgeBase knowledge;
    private final ScorerTrainer trainer;
    private final AtomicReference<ArticleScorer> current = new AtomicReference<>(ArticleScorer.empty(-1));
    private boolean pending;
    private boolean active;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "assistant-scorer-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile CompletableFuture<ArticleScorer> running = CompletableFuture.completedFuture(current.get());

    public TrainedScorer(KnowledgeBase knowledge, ScorerTrainer trainer) {
        this.knowledge = knowledge;
        this.trainer = trainer;
    }

    /** The scorer to use now; never blocks. */
    public ArticleScorer current() {
        return current.get();
    }

    /** Asks for a retrain; returns when the scorer serving is at least as new as the knowledge is now. */
    public synchronized CompletableFuture<ArticleScorer> refresh() {
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

    private ArticleScorer trainWhilePending() {
        while (takePending()) {
            long version = knowledge.version();
            long started = System.nanoTime();
            try {
                ArticleScorer scorer = trainer.train(knowledge.publishedArticles(), version);
                current.set(scorer);
                log.info("Assistant scorer trained on {} articles (knowledge version {}) in {} ms",
                        scorer.articleCount(), version, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Training the assistant scorer failed; the previous scorer keeps serving", e);
            }
        }
        return current.get();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
