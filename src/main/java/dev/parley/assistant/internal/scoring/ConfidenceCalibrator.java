package dev.parley.assistant.internal.scoring;

import java.util.List;

/**
 * Turns score features into P(answer is right): a logistic regression fitted by Newton's method on
 * held-out predictions (weighted), with a small ridge so it stays defined on tiny or separable data.
 */
final class ConfidenceCalibrator {

    /** A prior on the weights: decisive on a small knowledge base's few held-out samples, negligible on thousands. */
    private static final double RIDGE = 1.0;
    /** Estimated from finitely many held-out samples, a confidence is never certainty. */
    static final double MAX_CONFIDENCE = 0.99;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;

    private ConfidenceCalibrator(double[] mean, double[] scale, double[] weights) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
    }

    double confidence(ScoreFeatures features) {
        if (weights == null) {
            return Math.min(MAX_CONFIDENCE, features.probability());
        }
        double[] f = features.vector();
        double z = weights[f.length];
        for (int i = 0; i < f.length; i++) {
            z += weights[i] * (f[i] - mean[i]) * scale[i];
        }
        return Math.min(MAX_CONFIDENCE, 1 / (1 + Math.exp(-z)));
    }

    /** Without held-out data: the ensemble probability itself, the best guess there is. */
    static ConfidenceCalibrator uncalibrated() {
        return new ConfidenceCalibrator(null, null, null);
    }

    record Sample(ScoreFeatures features, boolean correct, double weight) {
    }

    static ConfidenceCalibrator fit(List<Sample> samples) {
        int d = ScoreFeatures.size();
        double[][] x = new double[samples.size()][];
        double[] mean = new double[d];
        double[] scale = new double[d];
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).features().vector();
            total += samples.get(i).weight();
            for (int j = 0; j < d; j++) {
                mean[j] += samples.get(i).weight() * x[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= total;
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                scale[j] += samples.get(i).weight() * Math.pow(x[i][j] - mean[j], 2);
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = 1 / Math.sqrt(Math.max(scale[j] / total, 1e-12));
        }
        double[] w = Newton.logistic(x, samples, mean, scale, RIDGE);
        return new ConfidenceCalibrator(mean, scale, w);
    }
}
