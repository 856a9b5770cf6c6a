package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.knowledge.KnowledgeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the Lucene index in step with the database on one background thread fed by a queue, so writes
 * never wait for embeddings. At start it rebuilds the index when the stored version or epoch differs
 * from the database; afterwards it applies the ids each change committed on this node hands over, and, when asked
 * ({@link #catchUp()}), the articles changed since its version by other nodes.
 */
@Component
public class KnowledgeIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexer.class);
    private static final int BATCH = 256;

    private final ArticleRepository repository;
    private final ArticleChangeLog changeLog;
    private final Path path;
    private final ArticleDocuments documents;
    private final BlockingQueue<Update> queue = new LinkedBlockingQueue<>();
    private final IndexedVersion indexed = new IndexedVersion();
    private volatile KnowledgeIndex index;
    private volatile Thread thread;
    private volatile boolean rebuildRequested;
    private volatile boolean stopping;
    private volatile long searchable = -1;

    KnowledgeIndexer(ArticleRepository repository, ArticleChangeLog changeLog, TextEmbeddings embeddings,
            EmbeddingStore stored, KnowledgeSettings settings, @Value("${parley.data-dir}") Path dataDir) {
        this.repository = repository;
        this.changeLog = changeLog;
        this.path = dataDir.resolve("index");
        // Embeddings stored by whichever node embedded a text first: a change is embedded once for the cluster.
        this.documents = new ArticleDocuments(new StoredEmbeddings(embeddings, stored), settings.chunkSize());
    }

    /** Called after a change commits: these articles were created, edited or deleted, reaching {@code version}. */
    void update(Set<String> ids, long version) {
        queue.add(new Update(ids, version));
    }

    /**
     * Asks the indexer thread to compare its version with the database's and to apply the articles changed since
     * (committed by another node, or by this one before its own update arrived); nothing to do when it is up to date.
     */
    void catchUp() {
        if (thread != null && !stopping) {
            queue.add(CATCH_UP);
        }
    }

    /** The version searches see (committed and refreshed); equals {@link ArticleRepository#version()} once caught up. */
    public long indexedVersion() {
        return searchable;
    }

    KnowledgeIndex index() {
        return index;
    }

    /** Also a restart after {@link #stop()} (Spring's test framework pauses idle contexts that way): it checks freshness again. */
    @Override
    public void start() {
        stopping = false;
        queue.clear();
        index = new KnowledgeIndex(path);
        var data = index.commitData();
        String epoch = repository.epoch();
        long dbVersion = repository.version();
        boolean fresh = epoch.equals(data.get(KnowledgeIndex.EPOCH))
                && Long.toString(dbVersion).equals(data.get(KnowledgeIndex.VERSION));
        if (fresh) {
            indexed.reset(dbVersion);
            searchable = dbVersion;
            log.info("Knowledge index at {} is up to date (version {})", path, dbVersion);
        } else {
            log.info("Knowledge index at {} is missing or stale (index {}, database {}); rebuilding in the background",
                    path, data.getOrDefault(KnowledgeIndex.VERSION, "none"), dbVersion);
            rebuildRequested = true;
        }
        thread = Thread.ofPlatform().name("knowledge-indexer").daemon().start(this::run);
    }

    private void run() {
        while (!stopping) {
            try {
                if (rebuildRequested) {
                    rebuildRequested = false;
                    new IndexRebuild(repository, documents, index, indexed).run(() -> stopping);
                    searchable = indexed.current();
                }
                List<Update> updates = new ArrayList<>();
                updates.add(queue.take());
                queue.drainTo(updates);
                boolean catchUp = updates.stream().anyMatch(u -> u == CATCH_UP);
                updates.removeIf(u -> u == STOP || u == CATCH_UP);
                if (!stopping && !updates.isEmpty()) {
                    apply(updates);
                }
                if (!stopping && catchUp) {
                    catchUpWithDatabase();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The database stays the truth: the next start finds the index stale and rebuilds it.
                log.error("Knowledge indexing failed; the index will be rebuilt on the next start", e);
            }
        }
    }

    private void apply(List<Update> updates) throws Exception {
        Set<String> ids = new HashSet<>();
        updates.forEach(u -> ids.addAll(u.ids()));
        replace(ids);
        updates.forEach(u -> indexed.done(u.version()));
        long version = indexed.current();
        index.commit(version, repository.epoch());
        searchable = version;
    }

    /**
     * Applies every article changed after the version the index holds. The database version is read first, so every
     * change up to it is among the articles re-read; changes committed meanwhile are re-read too, which is harmless.
     */
    private void catchUpWithDatabase() throws Exception {
        long target = repository.version();
        long from = indexed.current();
        if (target <= from) {
            return;
        }
        List<String> ids = changeLog.changedSince(from);
        replace(new HashSet<>(ids));
        indexed.reset(target);
        index.commit(indexed.current(), repository.epoch());
        searchable = indexed.current();
        log.info("Knowledge index caught up from version {} to {} ({} articles changed)", from, target, ids.size());
    }

    /** Re-reads these articles: a published one replaces its documents, any other (draft, deleted) leaves the index. */
    private void replace(Set<String> ids) throws Exception {
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
            List<Article> published = repository.byIds(batch).stream().filter(Article::published).toList();
            Set<String> present = new HashSet<>();
            List<List<org.apache.lucene.document.Document>> docs = documents.of(published);
            for (int a = 0; a < published.size(); a++) {
                index.replace(published.get(a).id(), docs.get(a));
                present.add(published.get(a).id());
            }
            for (String id : batch) {
                if (!present.contains(id)) {
                    index.remove(id);
                }
            }
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        if (t != null) {
            // No interrupt: an interrupted Lucene write can close the index's files under the writer.
            stopping = true;
            queue.add(STOP);
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (index != null) {
                index.close();
            }
        } catch (Exception e) {
            log.warn("Closing the knowledge index failed", e);
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private record Update(Set<String> ids, long version) {
    }

    private static final Update STOP = new Update(Set.of(), -1);
    private static final Update CATCH_UP = new Update(Set.of(), -2);
}
