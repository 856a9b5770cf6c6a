package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfidenceCalibratorTests {

    /** Features that all rise with one underlying score, as the scorer's similarities and probabilities do. */
    private static ScoreFeatures features(double score, Random noise) {
        double p = clamp(score + 0.05 * noise.nextGaussian());
        double s = clamp(0.5 + 0.4 * score + 0.05 * noise.nextGaussian());
        return new ScoreFeatures(p, p / 2, s, s, score > 0.5 ? 1 : 0, s / 2, p, 2 - s, 2 - s, p, s - 0.1, 1 - s,
                s - 0.05, 2 * score - 1, 1.5 + noise.nextDouble());
    }

    private static double clamp(double v) {
        return Math.max(0.001, Math.min(0.999, v));
    }

    /** Samples that are right when the score is high ({@code informative}), or right at random. */
    private static List<ConfidenceCalibrator.Sample> samples(int n, boolean informative, long seed) {
        Random random = new Random(seed);
        List<ConfidenceCalibrator.Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = random.nextDouble();
            boolean right = informative ? score > 0.5 != random.nextDouble() < 0.02 : random.nextBoolean();
            samples.add(new ConfidenceCalibrator.Sample(features(score, random), right, 1.0));
        }
        return samples;
    }

    private static double chosenRidge(List<ConfidenceCalibrator.Sample> samples) {
        return ConfidenceCalibrator.fit(samples).ridge();
    }

    @Test
    void manyInformativeSamplesKeepTheWeakestPrior() {
        assertThat(chosenRidge(samples(3000, true, 1))).isEqualTo(ConfidenceCalibrator.RIDGES[0]);
    }

    @Test
    void aFewUninformativeSamplesGetAStrongerPrior() {
        assertThat(chosenRidge(samples(60, false, 2))).isGreaterThan(ConfidenceCalibrator.RIDGES[0]);
    }

    @Test
    void confidenceRisesWithTheEvidenceAndStopsShortOfCertainty() {
        ConfidenceCalibrator calibrator = ConfidenceCalibrator.fit(samples(2000, true, 3));
        Random random = new Random(4);
        double weak = calibrator.confidence(features(0.2, random));
        double strong = calibrator.confidence(features(0.9, random));
        assertThat(weak).isLessThan(0.5);
        assertThat(strong).isGreaterThan(0.7).isLessThanOrEqualTo(ConfidenceCalibrator.MAX_CONFIDENCE);
    }
}
