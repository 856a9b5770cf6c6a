package dev.parley.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one writer (used only by the indexer thread) and a {@link SearcherManager}
 * that searches share and that is refreshed after each commit. The commit user data records which
 * knowledge version (and database epoch) the index reflects.
 */
final class KnowledgeIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    static final String VERSION = "knowledgeVersion";
    static final String EPOCH = "knowledgeEpoch";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    KnowledgeIndex(Path path) {
        try {
            Files.createDirectories(path);
            Directory onDisk = FSDirectory.open(path);
            IndexWriter opened;
            try {
                opened = openWriter(onDisk);
            } catch (LockObtainFailedException e) {
                // Another process (or a second application context in this JVM) owns the folder. Serve from
                // memory instead of failing the start; it is rebuilt from the database like a missing index.
                log.warn("The knowledge index at {} is in use by another process; using an in-memory index", path);
                onDisk.close();
                onDisk = new ByteBuffersDirectory();
                opened = openWriter(onDisk);
            }
            this.directory = onDisk;
            this.writer = opened;
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index at " + path, e);
        }
    }

    private IndexWriter openWriter(Directory directory) throws IOException {
        try {
            return new IndexWriter(directory, config().setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The index is only a cache of the database: a damaged one is replaced and rebuilt.
            log.warn("The knowledge index is unreadable ({}); it will be rebuilt", e.toString());
            for (String file : directory.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(file);
                }
            }
            return new IndexWriter(directory, config().setOpenMode(IndexWriterConfig.OpenMode.CREATE));
        }
    }

    /** Nothing is committed on close: a half-done rebuild must not look like a finished one. */
    private IndexWriterConfig config() {
        return new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64).setCommitOnClose(false);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The user data of the last commit: which version and epoch the index holds (empty for a new index). */
    Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    void replace(String articleId, List<Document> documents) throws IOException {
        writer.updateDocuments(new Term(ArticleDocuments.ARTICLE, articleId), documents);
    }

    void remove(String articleId) throws IOException {
        writer.deleteDocuments(new Term(ArticleDocuments.ARTICLE, articleId));
    }

    void clear() throws IOException {
        writer.deleteAll();
    }

    /** Merges into at most {@code maxSegments} segments: fewer HNSW graphs to search per query. */
    void optimize(int maxSegments) throws IOException {
        writer.forceMerge(maxSegments);
    }

    int segments() {
        return search(s -> s.getIndexReader().leaves().size());
    }

    /** Makes the changes durable and visible to searches. */
    void commit(long version, String epoch) throws IOException {
        writer.setLiveCommitData(Map.of(VERSION, Long.toString(version), EPOCH, epoch).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    <T> T search(SearchFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Knowledge search failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    @FunctionalInterface
    interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
