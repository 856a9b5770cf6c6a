package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.runtime.TextEmbeddings;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

class ArticleDocumentsTests {

    /** Refuses what the real model refuses (no token to embed) and anything with "poison" in it. */
    private final TextEmbeddings embeddings = new TextEmbeddings() {
        @Override
        public float[] embed(String text) {
            if (text.strip().replaceAll("[\\u200b-\\u200d\\u2060\\ufeff]", "").isEmpty() || text.contains("poison")) {
                throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
            }
            return new float[] {1, 0};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    private final ArticleDocuments documents = new ArticleDocuments(embeddings, 500);

    @Test
    void invisibleExamplesAndTitlesGetNoDocumentButTheArticleIsIndexed() {
        List<List<Document>> docs = documents.of(List.of(
                article("returns", "Returns", "Return within 30 days.", List.of("\u200b", "can I return it")),
                article("blank", "\u200b", "\u2060", List.of("\u200b\ufeff"))));

        assertThat(docs.get(0)).extracting(d -> d.get(ArticleDocuments.TEXT))
                .containsExactly("Return within 30 days.", "can I return it");
        assertThat(docs.get(1)).isEmpty();
    }

    @Test
    void anArticleTheModelRefusesIsLeftOutAndTheOthersAreIndexed() {
        List<List<Document>> docs = documents.of(List.of(
                article("returns", "Returns", "Return within 30 days.", List.of("can I return it")),
                article("bad", "Bad", "Fine body.", List.of("poison pill"))));

        assertThat(docs.get(0)).hasSize(2);
        assertThat(docs.get(1)).isEmpty();
    }

    private static Article article(String id, String title, String body, List<String> examples) {
        return new Article(id, title, body, null, List.of(), "en", ArticleStatus.PUBLISHED, examples, Instant.EPOCH,
                Instant.EPOCH);
    }
}
