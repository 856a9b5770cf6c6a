package dev.parley.knowledge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * One hybrid query: BM25 over chunk, title and example text plus KNN over their embeddings, both grouped
 * by article (best document wins). Fused score = w * cosine + (1 - w) * BM25 / best BM25; an article the
 * vector side did not return gets the lowest cosine that side did return.
 */
final class HybridSearch {

    private final KnowledgeIndex index;
    private final double vectorWeight;

    HybridSearch(KnowledgeIndex index, double vectorWeight) {
        this.index = index;
        this.vectorWeight = vectorWeight;
    }

    List<Found> search(String text, float[] vector, int limit) {
        int candidates = Math.max(50, limit * 10);
        return index.search(searcher -> {
            Map<String, Found> byArticle = new HashMap<>();
            Query bm25 = keywordQuery(text);
            double bestBm25 = 0;
            if (bm25 != null) {
                TopDocs top = searcher.search(bm25, candidates);
                bestBm25 = top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
                collect(searcher, top, byArticle, true);
            }
            TopDocs knn = searcher.search(new KnnFloatVectorQuery(ArticleDocuments.VECTOR, vector, candidates), candidates);
            collect(searcher, knn, byArticle, false);
            double floor = byArticle.values().stream().filter(f -> f.cosine > -1).mapToDouble(f -> f.cosine).min().orElse(0);
            List<Found> found = new ArrayList<>(byArticle.values());
            for (Found f : found) {
                double cosine = f.cosine > -1 ? f.cosine : floor;
                double keyword = bestBm25 > 0 ? f.bm25 / bestBm25 : 0;
                f.score = vectorWeight * Math.max(0, cosine) + (1 - vectorWeight) * keyword;
            }
            found.sort(Comparator.comparingDouble((Found f) -> f.score).reversed());
            return found.subList(0, Math.min(limit, found.size()));
        });
    }

    private Query keywordQuery(String text) {
        QueryBuilder builder = new QueryBuilder(index.analyzer());
        Query body = builder.createBooleanQuery(ArticleDocuments.TEXT, text);
        Query title = builder.createBooleanQuery(ArticleDocuments.TITLE, text);
        if (body == null && title == null) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (body != null) {
            query.add(body, BooleanClause.Occur.SHOULD);
        }
        if (title != null) {
            query.add(new BoostQuery(title, 1.5f), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static void collect(IndexSearcher searcher, TopDocs top, Map<String, Found> byArticle, boolean keyword)
            throws IOException {
        var stored = searcher.storedFields();
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = stored.document(hit.doc);
            String id = doc.get(ArticleDocuments.ARTICLE);
            Found f = byArticle.computeIfAbsent(id, k -> new Found(id, doc.get(ArticleDocuments.ARTICLE_TITLE),
                    doc.get(ArticleDocuments.SUMMARY)));
            if (keyword) {
                f.bm25 = Math.max(f.bm25, hit.score);
            } else if (2.0 * hit.score - 1 > f.cosine) {
                // Lucene scores a dot product as (1 + dot) / 2
                f.cosine = 2.0 * hit.score - 1;
            }
            if (ArticleDocuments.CHUNK.equals(doc.get(ArticleDocuments.KIND)) && f.snippet == null) {
                f.snippet = doc.get(ArticleDocuments.TEXT);
            }
        }
    }

    /** An article a search found, with the parts of its score. */
    static final class Found {
        final String articleId;
        final String title;
        final String summary;
        String snippet;
        double bm25;
        double cosine = -2;
        double score;

        Found(String articleId, String title, String summary) {
            this.articleId = articleId;
            this.title = title;
            this.summary = summary;
        }

        String snippetOrSummary() {
            return snippet != null && !snippet.isBlank() ? snippet : summary;
        }
    }
}
