package dev.parley.knowledge.internal;

import dev.parley.knowledge.KnowledgeChanged;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a change inside the writing transaction: bumps the knowledge version, publishes
 * {@link KnowledgeChanged}, marks the changed articles with the version (so other nodes can catch up, see
 * {@link KnowledgeSync}), and hands the changed ids to this node's indexer once (and only if) the transaction commits.
 * The ids go to the indexer directly, not as an event, because an import may touch 100,000 of them.
 */
@Component
public class KnowledgeChanges {

    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;
    private final KnowledgeIndexer indexer;
    private final ArticleChangeLog changeLog;
    private final KnowledgeSync sync;
    private final Clock clock;

    KnowledgeChanges(ArticleRepository articles, ApplicationEventPublisher events, KnowledgeIndexer indexer,
            ArticleChangeLog changeLog, KnowledgeSync sync, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.indexer = indexer;
        this.changeLog = changeLog;
        this.sync = sync;
        this.clock = clock;
    }

    /** Must run inside a transaction. */
    public long changed(Collection<String> ids) {
        long version = articles.nextVersion();
        events.publishEvent(new KnowledgeChanged(version, clock.instant()));
        Set<String> changed = Set.copyOf(ids);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // Last thing before the commit, so that articles the transaction inserts after calling us are marked too.
            @Override
            public void beforeCommit(boolean readOnly) {
                changeLog.changed(changed, version);
            }

            @Override
            public void afterCommit() {
                sync.committedHere(version);
                indexer.update(changed, version);
            }
        });
        return version;
    }
}
