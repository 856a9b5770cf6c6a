package dev.parley.assistant.internal;

import dev.parley.assistant.internal.scoring.ScorerStore;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.knowledge.KnowledgeArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this node comes by the scorer for the published articles (ADR 0032): read back from the store when any node
 * stored it; else a worker trains it under a cluster lock named by the store and the articles' digest (so two workers
 * sharing a store train it once, {@link ScorerStore#lockName}) and stores it, while a web-only node, or a worker that
 * did not get the lock, polls the store. A waiting node that finds nothing stored within {@code fallbackAfter} trains
 * it itself under the same lock (no worker answered); while the lock is held, some node is training it, and the wait
 * goes on (at most {@link #LONGEST_TRAINING}).
 */
final class ScorerSharing {

    private static final Logger log = LoggerFactory.getLogger(ScorerSharing.class);
    /** A training node that died holding the lock frees it after this; the demo trains in seconds. */
    static final Duration LONGEST_TRAINING = Duration.ofMinutes(30);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final boolean worker;
    private final boolean tunesEncoder;
    private final LockProvider locks;
    private final Duration fallbackAfter;

    /**
     * @param worker whether this node trains as soon as a scorer is missing
     * @param tunesEncoder whether this node runs encoder tuning after training
     * @param locks the cluster lock, or null for a node alone
     * @param fallbackAfter how long a waiting node polls the store before training itself
     */
    ScorerSharing(boolean worker, boolean tunesEncoder, LockProvider locks, Duration fallbackAfter) {
        this.worker = worker;
        this.tunesEncoder = tunesEncoder;
        this.locks = locks;
        this.fallbackAfter = fallbackAfter;
    }

    /** A node alone: trains what its store lacks, tunes when tuning applies. */
    static ScorerSharing alone() {
        return new ScorerSharing(true, true, null, Duration.ZERO);
    }

    boolean tunesEncoder() {
        return tunesEncoder;
    }

    /** A scorer and whether this node trained it (rather than read it back). */
    record Obtained(ArticleScorer<KnowledgeArticle> scorer, boolean trained) {
    }

    /**
     * The scorer for {@code articles}; empty when {@code superseded} turned true while waiting for another node, or
     * the thread was interrupted.
     */
    Optional<Obtained> obtain(ScorerStore store, List<KnowledgeArticle> articles, long version,
            Supplier<ArticleScorer<KnowledgeArticle>> train, BooleanSupplier superseded) {
        if (articles.isEmpty()) {
            return Optional.of(new Obtained(train.get(), true)); // nothing to train or store
        }
        Optional<ArticleScorer<KnowledgeArticle>> stored = store.load(articles, version);
        if (stored.isPresent()) {
            return Optional.of(new Obtained(stored.get(), false));
        }
        if (worker) {
            Optional<Obtained> mine = trainUnderLock(store, articles, version, train);
            if (mine.isPresent()) {
                return mine;
            }
        }
        return waitForStored(store, articles, version, train, superseded);
    }

    private Optional<Obtained> waitForStored(ScorerStore store, List<KnowledgeArticle> articles, long version,
            Supplier<ArticleScorer<KnowledgeArticle>> train, BooleanSupplier superseded) {
        Instant fallback = Instant.now().plus(fallbackAfter);
        Instant giveUp = fallback.plus(LONGEST_TRAINING);
        Duration poll = pollInterval();
        try {
            while (true) {
                Thread.sleep(poll.toMillis());
                if (superseded.getAsBoolean()) {
                    return Optional.empty();
                }
                Optional<ArticleScorer<KnowledgeArticle>> stored = store.load(articles, version);
                if (stored.isPresent()) {
                    return Optional.of(new Obtained(stored.get(), false));
                }
                Instant now = Instant.now();
                if (!now.isBefore(fallback)) {
                    log.warn("No worker stored the assistant scorer for knowledge version {} within {} (parley.node."
                            + "train-fallback-after); this node trains it unless another node is training it", version,
                            fallbackAfter);
                    Optional<Obtained> mine = now.isAfter(giveUp)
                            ? Optional.of(trainAndStore(store, train)) : trainUnderLock(store, articles, version, train);
                    if (mine.isPresent()) {
                        return mine;
                    }
                    log.info("Another node is training the assistant scorer for knowledge version {}; waiting for it",
                            version);
                    fallback = now.plus(fallbackAfter);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Empty when another node holds the lock, that is, trains this scorer now. */
    private Optional<Obtained> trainUnderLock(ScorerStore store, List<KnowledgeArticle> articles, long version,
            Supplier<ArticleScorer<KnowledgeArticle>> train) {
        if (locks == null) {
            return Optional.of(trainAndStore(store, train));
        }
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), store.lockName(articles),
                LONGEST_TRAINING, Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            // The node that held the lock just before may have stored it.
            Optional<ArticleScorer<KnowledgeArticle>> stored = store.load(articles, version);
            return Optional.of(stored.map(s -> new Obtained(s, false)).orElseGet(() -> trainAndStore(store, train)));
        } finally {
            lock.get().unlock();
        }
    }

    private static Obtained trainAndStore(ScorerStore store, Supplier<ArticleScorer<KnowledgeArticle>> train) {
        ArticleScorer<KnowledgeArticle> scorer = train.get();
        store.save(scorer);
        return new Obtained(scorer, true);
    }

    private Duration pollInterval() {
        Duration tenth = fallbackAfter.dividedBy(10);
        return tenth.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL
                : tenth.compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : tenth;
    }
}
