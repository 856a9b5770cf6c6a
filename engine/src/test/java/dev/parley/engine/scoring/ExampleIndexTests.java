package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleIndexTests {

    /** Unit vectors at the given angles (radians) in a plane. */
    private static List<float[]> at(double... angles) {
        List<float[]> out = new ArrayList<>();
        for (double a : angles) {
            out.add(new float[] {(float) Math.cos(a), (float) Math.sin(a)});
        }
        return out;
    }

    @Test
    void reportsEachCandidatesClosestExampleAndNothingForTheOthers() {
        var index = new ExampleIndex(at(0.0, 0.2, 1.5, 1.6, 3.0), new int[] {0, 0, 1, 1, 2}, 3);
        var found = index.closest(new float[] {1, 0}, new int[] {0, 1});
        assertThat(found.closest()[0]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(found.closest()[1]).isCloseTo(Math.cos(1.5), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(found.closest()[2]).isEqualTo(-1);
    }

    @Test
    void theKthSimilarityIsHighInADenseRegionAndLowInASparseOne() {
        double[] dense = new double[ExampleIndex.K + 2];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = 0.01 * i;
        }
        List<float[]> vectors = new ArrayList<>(at(dense));
        vectors.addAll(at(2.0, 2.6));
        int[] owners = new int[vectors.size()];
        owners[owners.length - 2] = 1;
        owners[owners.length - 1] = 1;
        var index = new ExampleIndex(vectors, owners, 2);
        double inDenseRegion = index.closest(new float[] {1, 0}, new int[] {0, 1}).kth();
        double nearSparseRegion = index.closest(new float[] {(float) Math.cos(2.0), (float) Math.sin(2.0)},
                new int[] {0, 1}).kth();
        assertThat(inDenseRegion).isGreaterThan(0.99);
        assertThat(nearSparseRegion).isLessThan(0.0);
    }

    @Test
    void theKthSimilarityIsMinusOneWhenTheCandidatesHaveFewerExamples() {
        var index = new ExampleIndex(at(0.0, 0.1), new int[] {0, 0}, 1);
        assertThat(index.closest(new float[] {1, 0}, new int[] {0}).kth()).isEqualTo(-1);
    }

    @Test
    void theCentreOfAnArticleIsTheDirectionOfItsExamplesMean() {
        var index = new ExampleIndex(at(0.0, 0.4, 2.0), new int[] {0, 0, 1}, 3);
        var offset = org.assertj.core.data.Offset.offset(1e-6);
        assertThat(index.centroidSimilarity(new float[] {(float) Math.cos(0.2), (float) Math.sin(0.2)}, 0)).isCloseTo(1.0, offset);
        assertThat(index.centroidSimilarity(new float[] {1, 0}, 0)).isCloseTo(Math.cos(0.2), offset);
        assertThat(index.centroidSimilarity(new float[] {1, 0}, 1)).isCloseTo(Math.cos(2.0), offset);
        assertThat(index.centroidSimilarity(new float[] {1, 0}, 2)).as("an article without examples").isZero();
    }
}
