package dev.parley.knowledge.internal;

import dev.parley.cluster.RunsOnEveryNode;
import dev.parley.knowledge.KnowledgeChanged;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings this node up to knowledge changes committed on other nodes (issue 21): every
 * {@code parley.knowledge.sync-interval} it reads the database's knowledge version; when that is newer than any this
 * node committed or announced, it publishes {@link KnowledgeChanged} here (the assistant retrains on it), and it asks
 * the indexer to apply the articles changed since the version its index holds.
 */
@Component
class KnowledgeSync {

    private final ArticleRepository repository;
    private final KnowledgeIndexer indexer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicLong known = new AtomicLong(-1);

    KnowledgeSync(ArticleRepository repository, KnowledgeIndexer indexer, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.indexer = indexer;
        this.events = events;
        this.clock = clock;
    }

    /** A change committed on this node: its listeners heard of it already. */
    void committedHere(long version) {
        known.accumulateAndGet(version, Math::max);
    }

    @Scheduled(initialDelayString = "${parley.knowledge.sync-interval:10s}",
            fixedDelayString = "${parley.knowledge.sync-interval:10s}")
    @RunsOnEveryNode("each node keeps its own search index and scorer up to the database's knowledge version")
    void poll() {
        long version = repository.version();
        long before = known.getAndAccumulate(version, Math::max);
        if (version > before) {
            // Outside a transaction: the assistant's after-commit listener runs at once (fallback execution).
            events.publishEvent(new KnowledgeChanged(version, clock.instant()));
        }
        indexer.catchUp();
    }
}
