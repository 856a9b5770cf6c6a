package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldOutPredictionsTests {

    @Test
    void eachFoldsEncoderIsTrainedWithoutTheTextsThatFoldHoldsOut() {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<TestKnowledge.Article> articles = TestKnowledge.articles();
        for (int a = 0; a < articles.size(); a++) {
            for (String text : TrainingTexts.of(articles.get(a))) {
                texts.add(text);
                owners.add(a);
            }
        }
        int[] labels = owners.stream().mapToInt(Integer::intValue).toArray();
        List<float[]> vectors = TestKnowledge.embeddings().embedAll(texts);
        List<Set<Integer>> trainedOn = new ArrayList<>();
        HeldOutPredictions.FoldVectors folds = (rows, foldLabels, classes) -> {
            assertThat(foldLabels).hasSameSizeAs(rows);
            assertThat(Arrays.stream(foldLabels).max().orElse(-1)).isEqualTo(classes - 1);
            trainedOn.add(new HashSet<>(Arrays.stream(rows).boxed().toList()));
            return vectors;
        };

        var samples = new HeldOutPredictions(texts, vectors, labels, articles.size(), ScorerTrainer.Options.defaults(),
                SoftmaxClassifier.Training.defaults(), Ranking.LEXICAL_WEIGHT, folds).collect();

        assertThat(trainedOn).hasSize(4);
        Set<Integer> everyRow = new HashSet<>();
        trainedOn.forEach(rows -> {
            assertThat(rows.size()).isLessThan(texts.size());
            everyRow.addAll(rows);
        });
        // Every text is held out by some fold: no single fold's encoder saw all of them, together they saw every one.
        assertThat(everyRow).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int row = i;
            assertThat(trainedOn.stream().filter(rows -> !rows.contains(row))).as("folds holding out text %d", i)
                    .isNotEmpty();
        }
        assertThat(samples).isNotEmpty();
    }
}
