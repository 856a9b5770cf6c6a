package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.shared.CleanText;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns articles into Lucene documents: one per body chunk (the first one carries the title) and one per
 * example question, each with its article id, its text for BM25 and its embedding for KNN.
 */
final class ArticleDocuments {

    static final String ARTICLE = "article";
    static final String KIND = "kind";
    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String ARTICLE_TITLE = "articleTitle";
    static final String SUMMARY = "summary";
    static final String VECTOR = "vector";
    static final String CHUNK = "chunk";
    static final String EXAMPLE = "example";
    static final String IS_CHUNK = "isChunk";
    private static final int EMBED_SLICE = 512;
    private static final Logger log = LoggerFactory.getLogger(ArticleDocuments.class);

    private final TextEmbeddings embeddings;
    private final int chunkSize;

    ArticleDocuments(TextEmbeddings embeddings, int chunkSize) {
        this.embeddings = embeddings;
        this.chunkSize = chunkSize;
    }

    /**
     * The documents of many articles, embedded in one batch. Text with nothing visible gets no document (the
     * model has no token to embed); if the batch still fails, each article is embedded on its own and one
     * that fails is left out of the index with a warning, so one bad record never empties the index.
     */
    List<List<Document>> of(List<Article> articles) {
        try {
            return embedded(articles);
        } catch (RuntimeException batchFailed) {
            List<List<Document>> documents = new ArrayList<>();
            for (Article a : articles) {
                try {
                    documents.add(embedded(List.of(a)).getFirst());
                } catch (RuntimeException e) {
                    log.warn("Article {} cannot be indexed and is left out of search ({})", a.id(), e.toString());
                    documents.add(new ArrayList<>());
                }
            }
            return documents;
        }
    }

    private List<List<Document>> embedded(List<Article> articles) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            List<String> chunks = TextChunks.of(a.body(), chunkSize);
            if (chunks.isEmpty()) {
                chunks = List.of("");
            }
            for (int c = 0; c < chunks.size(); c++) {
                String embedded = c == 0 ? (a.title() + "\n" + chunks.get(c)).strip() : chunks.get(c);
                if (!CleanText.isBlank(embedded)) {
                    pieces.add(new Piece(i, CHUNK, chunks.get(c), embedded, c == 0));
                }
            }
            for (String example : a.allExamples()) {
                if (!CleanText.isBlank(example)) {
                    pieces.add(new Piece(i, EXAMPLE, example, example, false));
                }
            }
        }
        List<float[]> vectors = embed(pieces.stream().map(Piece::embedded).toList());
        List<List<Document>> documents = new ArrayList<>();
        articles.forEach(a -> documents.add(new ArrayList<>()));
        for (int p = 0; p < pieces.size(); p++) {
            Piece piece = pieces.get(p);
            Article a = articles.get(piece.article());
            documents.get(piece.article()).add(document(a, piece, vectors.get(p)));
        }
        return documents;
    }

    /** Embeds in slices, so a large batch (an article with thousands of examples) logs its progress. */
    private List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        ImportProgress progress = new ImportProgress("Embedding for the knowledge index", texts.size());
        for (int i = 0; i < texts.size(); i += EMBED_SLICE) {
            vectors.addAll(embeddings.embedAll(texts.subList(i, Math.min(texts.size(), i + EMBED_SLICE))));
            progress.at(vectors.size());
        }
        return vectors;
    }

    private static Document document(Article a, Piece piece, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ARTICLE, a.id(), Field.Store.YES));
        // doc values let a search group hits by article without loading stored fields
        doc.add(new SortedDocValuesField(ARTICLE, new BytesRef(a.id())));
        doc.add(new StringField(KIND, piece.kind(), Field.Store.YES));
        doc.add(new NumericDocValuesField(IS_CHUNK, CHUNK.equals(piece.kind()) ? 1 : 0));
        doc.add(new TextField(TEXT, piece.text(), Field.Store.YES));
        if (piece.withTitle()) {
            doc.add(new TextField(TITLE, a.title(), Field.Store.NO));
        }
        doc.add(new StoredField(ARTICLE_TITLE, a.title()));
        doc.add(new StoredField(SUMMARY, TextChunks.summary(a.body(), 240)));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    private record Piece(int article, String kind, String text, String embedded, boolean withTitle) {
    }
}
