package dev.parley.knowledge.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
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
 * by article (best document wins). Fused score = w * cosine + (1 - w) * BM25 / (BM25 + 5): both parts are
 * absolute, so an off-topic question scores low even when it is the best match (dividing by the best BM25
 * instead would hand every best keyword match the full keyword share). An article the vector side did not
 * return gets the lowest cosine that side did return. Hits are grouped through doc values; stored fields
 * are read only for the articles returned.
 */
final class HybridSearch {

    private static final Set<String> SHOWN = Set.of(ArticleDocuments.ARTICLE_TITLE, ArticleDocuments.SUMMARY,
            ArticleDocuments.TEXT);

    /** The BM25 score that counts as half a keyword match; weak single-word matches score ~2-4. */
    private static final double KEYWORD_SATURATION = 5;

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
            if (bm25 != null) {
                collect(searcher, searcher.search(bm25, candidates), byArticle, true);
            }
            TopDocs knn = searcher.search(new KnnFloatVectorQuery(ArticleDocuments.VECTOR, vector, candidates), candidates);
            collect(searcher, knn, byArticle, false);
            double floor = byArticle.values().stream().filter(f -> f.cosine > -1).mapToDouble(f -> f.cosine).min().orElse(0);
            List<Found> found = new ArrayList<>(byArticle.values());
            for (Found f : found) {
                double cosine = f.cosine > -1 ? f.cosine : floor;
                double keyword = f.bm25 / (f.bm25 + KEYWORD_SATURATION);
                f.score = vectorWeight * Math.max(0, cosine) + (1 - vectorWeight) * keyword;
            }
            found.sort(Comparator.comparingDouble((Found f) -> f.score).reversed());
            List<Found> top = found.subList(0, Math.min(limit, found.size()));
            for (Found f : top) {
                Document doc = searcher.storedFields().document(f.chunkDoc >= 0 ? f.chunkDoc : f.anyDoc, SHOWN);
                f.title = doc.get(ArticleDocuments.ARTICLE_TITLE);
                f.summary = doc.get(ArticleDocuments.SUMMARY);
                f.snippet = f.chunkDoc >= 0 ? doc.get(ArticleDocuments.TEXT) : null;
            }
            return top;
        });
    }

    /**
     * One flat disjunction of the question's terms in the body and (boosted) title fields: the same sum of
     * BM25 scores as two nested per-field queries, but flat, so Lucene's dynamic pruning (MaxScore) can skip
     * documents that cannot reach the top hits; nested, the search took about twice as long at 100,000 articles.
     */
    Query keywordQuery(String text) {
        QueryBuilder builder = new QueryBuilder(index.analyzer());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = addClauses(query, builder.createBooleanQuery(ArticleDocuments.TEXT, text), 1f);
        clauses += addClauses(query, builder.createBooleanQuery(ArticleDocuments.TITLE, text), 1.5f);
        return clauses == 0 ? null : query.build();
    }

    private static int addClauses(BooleanQuery.Builder target, Query fieldQuery, float boost) {
        if (fieldQuery == null) {
            return 0;
        }
        List<Query> parts = new ArrayList<>();
        if (fieldQuery instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            bool.clauses().forEach(c -> parts.add(c.query()));
        } else {
            parts.add(fieldQuery);
        }
        for (Query part : parts) {
            target.add(boost == 1f ? part : new BoostQuery(part, boost), BooleanClause.Occur.SHOULD);
        }
        return parts.size();
    }

    private static void collect(IndexSearcher searcher, TopDocs top, Map<String, Found> byArticle, boolean keyword)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            int local = hit.doc - leaf.docBase;
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), ArticleDocuments.ARTICLE);
            NumericDocValues chunk = DocValues.getNumeric(leaf.reader(), ArticleDocuments.IS_CHUNK);
            if (!ids.advanceExact(local)) {
                continue;
            }
            String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            Found f = byArticle.computeIfAbsent(id, k -> new Found(id, hit.doc));
            if (keyword) {
                f.bm25 = Math.max(f.bm25, hit.score);
            } else if (2.0 * hit.score - 1 > f.cosine) {
                // Lucene scores a dot product as (1 + dot) / 2
                f.cosine = 2.0 * hit.score - 1;
            }
            if (f.chunkDoc < 0 && chunk.advanceExact(local) && chunk.longValue() == 1) {
                f.chunkDoc = hit.doc;
            }
        }
    }

    /** An article a search found, with the parts of its score. */
    static final class Found {
        final String articleId;
        final int anyDoc;
        int chunkDoc = -1;
        String title;
        String summary;
        String snippet;
        double bm25;
        double cosine = -2;
        double score;

        Found(String articleId, int anyDoc) {
            this.articleId = articleId;
            this.anyDoc = anyDoc;
        }

        String snippetOrSummary() {
            return snippet != null && !snippet.isBlank() ? snippet : summary;
        }
    }
}
