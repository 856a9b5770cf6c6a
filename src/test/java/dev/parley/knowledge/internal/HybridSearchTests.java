package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridSearchTests {

    @TempDir
    Path dir;

    @Test
    void theKeywordQueryIsOneFlatDisjunctionOfBodyTermsAndBoostedTitleTerms() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(dir)) {
            var query = (BooleanQuery) new HybridSearch(index, 0.7).keywordQuery("Is the parcel late, please?");
            assertThat(query.clauses()).allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
            assertThat(query.clauses()).extracting(c -> c.query().toString()).containsExactlyInAnyOrder(
                    ArticleDocuments.TEXT + ":parcel", ArticleDocuments.TEXT + ":late", ArticleDocuments.TEXT + ":pleas",
                    "(" + ArticleDocuments.TITLE + ":parcel)^1.5", "(" + ArticleDocuments.TITLE + ":late)^1.5",
                    "(" + ArticleDocuments.TITLE + ":pleas)^1.5");
            assertThat(query.clauses()).map(BooleanClause::query)
                    .allMatch(q -> q instanceof TermQuery || ((BoostQuery) q).getQuery() instanceof TermQuery);
        }
    }

    @Test
    void aQuestionOfOnlyStopWordsHasNoKeywordQuery() throws Exception {
        try (KnowledgeIndex index = new KnowledgeIndex(dir)) {
            assertThat(new HybridSearch(index, 0.7).keywordQuery("Is it that?")).isNull();
            assertThat(new HybridSearch(index, 0.7).keywordQuery("parcel")).isInstanceOf(BooleanQuery.class);
        }
    }
}
