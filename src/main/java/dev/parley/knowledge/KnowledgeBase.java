package dev.parley.knowledge;

import java.util.List;
import java.util.Optional;

/** The knowledge module's API for reading published knowledge. */
public interface KnowledgeBase {

    /** Every published article, for building the assistant's scorer. */
    List<KnowledgeArticle> publishedArticles();

    Optional<KnowledgeArticle> article(String id);

    /** Increases whenever published content changes; caches and trained models key on it. */
    long version();

    /** The knowledge version searches see: behind {@link #version()} while the search index catches up. */
    default long searchableVersion() {
        return version();
    }

    /**
     * Hybrid BM25 + vector search over published articles (title, body chunks, examples): at most {@code limit}
     * hits, one per article, best first; none for a blank query.
     */
    List<KnowledgeHit> search(String query, int limit);
}
