package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianModelTests {

    private static final int DIMENSION = 32;

    /** Three articles whose examples scatter around their own centre; the scatter is wide along dimension 0. */
    private static final List<float[]> CENTRES = List.of(centre(1), centre(2), centre(3));

    @Test
    void aQuestionIsNearestToTheArticleWhoseExamplesItResembles() {
        GaussianModel model = trained(12, new Random(1));
        float[] question = noisy(CENTRES.get(1), new Random(99));
        GaussianModel.Distances distances = model.distances(question, null);
        assertThat(distances.of(1)).isLessThan(distances.of(0));
        assertThat(distances.of(1)).isLessThan(distances.of(2));
        assertThat(distances.nearest()).isEqualTo(distances.of(1));
        assertThat(distances.posterior(1)).isGreaterThan(0.9);
        assertThat(distances.posterior(0) + distances.posterior(1) + distances.posterior(2)).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aQuestionFarFromEveryArticleIsFarByMahalanobisDistance() {
        GaussianModel model = trained(12, new Random(2));
        float[] typical = noisy(CENTRES.get(0), new Random(7));
        float[] elsewhere = centre(7);
        assertThat(model.distances(elsewhere, null).nearest())
                .isGreaterThan(3 * model.distances(typical, null).nearest());
    }

    @Test
    void aDeviationAlongTheDirectionExamplesVaryInCountsLessThanTheSameDeviationAcrossIt() {
        GaussianModel model = trained(40, new Random(3));
        float[] along = CENTRES.get(0).clone();
        float[] across = CENTRES.get(0).clone();
        along[0] += 0.3f;
        across[5] += 0.3f;
        assertThat(model.distances(along, null).of(0)).isLessThan(model.distances(across, null).of(0));
    }

    @Test
    void staysDefinedWithFewerExamplesThanDimensions() {
        GaussianModel model = trained(2, new Random(4));
        GaussianModel.Distances distances = model.distances(noisy(CENTRES.get(2), new Random(5)), null);
        for (int a = 0; a < 3; a++) {
            assertThat(distances.of(a)).isFinite().isNotNegative();
        }
        assertThat(distances.nearest()).isEqualTo(distances.of(2));
    }

    @Test
    void articlesThatAreNotAllowedAreNeverTheNearest() {
        GaussianModel model = trained(12, new Random(6));
        float[] question = noisy(CENTRES.get(1), new Random(8));
        GaussianModel.Distances distances = model.distances(question, new boolean[] {true, false, true});
        assertThat(distances.nearest()).isIn(distances.of(0), distances.of(2));
        assertThat(distances.posterior(1)).isZero();
    }

    private static GaussianModel trained(int perArticle, Random random) {
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int a = 0; a < CENTRES.size(); a++) {
            for (int i = 0; i < perArticle; i++) {
                vectors.add(noisy(CENTRES.get(a), random));
                labels.add(a);
            }
        }
        return GaussianModel.train(vectors, labels.stream().mapToInt(Integer::intValue).toArray(), CENTRES.size());
    }

    private static float[] centre(int seed) {
        Random random = new Random(seed * 1000L);
        float[] v = new float[DIMENSION];
        for (int j = 0; j < DIMENSION; j++) {
            v[j] = (float) random.nextGaussian();
        }
        return v;
    }

    private static float[] noisy(float[] centre, Random random) {
        float[] v = centre.clone();
        for (int j = 0; j < DIMENSION; j++) {
            v[j] += (float) random.nextGaussian() * (j == 0 ? 0.5f : 0.05f);
        }
        return v;
    }
}
