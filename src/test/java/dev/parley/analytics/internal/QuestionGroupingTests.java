package dev.parley.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.analytics.AnalyticsSummary.QuestionGroup;
import dev.parley.engine.runtime.TextEmbeddings;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionGroupingTests {

    /** Like the real model, refuses blank text; every word-bearing text points the same way. */
    private final TextEmbeddings embeddings = new TextEmbeddings() {
        @Override
        public float[] embed(String text) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("text cannot be null or blank");
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

    private final QuestionGrouping grouping = new QuestionGrouping(embeddings);

    @Test
    void questionsWithoutWordsAreGroupedByTheirWordingAndNeverEmbedded() {
        List<QuestionGroup> groups = grouping.group(List.of("🙂", "Where is my order?", " 🙂 ", "?!", "where is my order"),
                10);

        assertThat(groups).extracting(QuestionGroup::example, QuestionGroup::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Where is my order?", 2L),
                        org.assertj.core.groups.Tuple.tuple("🙂", 2L), org.assertj.core.groups.Tuple.tuple("?!", 1L));
    }

    @Test
    void onlyQuestionsWithoutWordsStillGroup() {
        assertThat(grouping.group(List.of("🙂"), 10)).singleElement()
                .satisfies(group -> assertThat(group.variants()).containsExactly("🙂"));
    }
}
