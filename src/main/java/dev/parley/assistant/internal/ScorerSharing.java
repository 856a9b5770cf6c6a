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
 * <p>
 * The scorer on a tuned encoder, when tuning applies, comes the same way without the fallback ({@link #obtainTuned}):
 * only a worker with tuning on tunes, under a lock of its own; every other node keeps the first scorer and polls the
 * store for the tuned pair, since minutes of tuning on a web node would be no fallback but a second tuning.
 */
final class ScorerSharing {

    private static final Logger log = LoggerFactory.getLogger(ScorerSharing.class);
    /** A training node that died holding the lock frees it after this; the demo trains in seconds. */
    static final Duration LONGEST_TRAINING = Duration.ofMinutes(30);
    /** A tuning node that died holding the lock frees it after this; half an hour tunes 15,000 examples. */
    static final Duration LONGEST_TUNING = Duration.ofHours(2);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final boolean worker;
    private final boolean tunesEncoder;
    private final LockProvider locks;
    private final Duration fallbackAfter;

    /**
     * @param worker whether this node trains as soon as a scorer is missing
     * @param tunesEncoder whether this node tunes the encoder after training (a worker with tuning on); others wait
     *     for the tuned pair a tuning node stores
     * @param locks the cluster lock, or null for a node alone
     * @param fallbackAfter how long a waiting node polls the store before training itself
     */
    ScorerSharing(boolean worker, boolean tunesEncoder, LockProvider locks, Duration fallbackAfter) {
        this.worker = worker;
        this.tunesEncoder = tunesEncoder;
        this.locks = locks;
        this.fallbackAfter = fallbackAfter;
    }

    /** A node alone: trains and tunes what its store lacks. */
    static ScorerSharing alone() {
        return new ScorerSharing(true, true, null, Duration.ZERO);
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

    /**
     * The scorer on the tuned encoder for {@code articles}: read back when stored (the pair counts as missing when its
     * encoder is); else, on a node that tunes, tuned and stored under a cluster lock, while every other node polls the
     * store until a tuning node stored it. Empty when {@code superseded} turned true first, or the thread was
     * interrupted.
     */
    Optional<Obtained> obtainTuned(ScorerStore store, List<KnowledgeArticle> articles, long version,
            Supplier<ArticleScorer<KnowledgeArticle>> tune, BooleanSupplier superseded) {
        Duration poll = pollInterval();
        Instant nextRead = Instant.MIN;
        boolean waiting = false;
        try {
            while (!superseded.getAsBoolean()) {
                if (!Instant.now().isBefore(nextRead) && store.hasTuned(articles)) {
                    Optional<ArticleScorer<KnowledgeArticle>> stored = store.loadTuned(articles, version);
                    if (stored.isPresent()) {
                        return Optional.of(new Obtained(stored.get(), false));
                    }
                    nextRead = Instant.now().plus(fallbackAfter); // unreadable: not again at every poll
                }
                if (tunesEncoder) {
                    Optional<Obtained> mine = underLock(store.tunedLockName(articles), LONGEST_TUNING,
                            () -> store.loadTuned(articles, version), () -> {
                                ArticleScorer<KnowledgeArticle> tuned = tune.get();
                                store.saveTuned(tuned);
                                return tuned;
                            });
                    if (mine.isPresent()) {
                        return mine;
                    }
                }
                if (!waiting) {
                    waiting = true;
                    log.info("Waiting for {} to store the assistant scorer on the encoder tuned to knowledge version {}"
                            + "; the first scorer answers until then", tunesEncoder ? "another worker" : "a worker",
                            version);
                }
                Thread.sleep(poll.toMillis());
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Under the cluster lock {@code name}: what {@code stored} finds (the node that held the lock just before may have
     * stored it), else what {@code make} makes and stores; empty when another node holds the lock.
     */
    private Optional<Obtained> underLock(String name, Duration longest,
            Supplier<Optional<ArticleScorer<KnowledgeArticle>>> stored, Supplier<ArticleScorer<KnowledgeArticle>> make) {
        Optional<SimpleLock> lock = locks == null ? Optional.of(() -> { })
                : locks.lock(new LockConfiguration(Instant.now(), name, longest, Duration.ZERO));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(stored.get().map(s -> new Obtained(s, false)).orElseGet(() -> new Obtained(make.get(),
                    true)));
        } finally {
            lock.get().unlock();
        }
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
        return underLock(store.lockName(articles), LONGEST_TRAINING, () -> store.load(articles, version),
                () -> trainAndStore(store, train).scorer());
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
