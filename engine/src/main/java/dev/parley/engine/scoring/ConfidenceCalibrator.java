package dev.parley.engine.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns score features into P(answer is right): a logistic regression fitted by Newton's method on
 * held-out predictions (weighted), with a ridge prior chosen by cross-validation so it stays sensible on a
 * small knowledge base's few held-out samples (where its inputs, several similarities, move together) and
 * stays out of the way on thousands.
 */
public final class ConfidenceCalibrator implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The ridge strengths tried; the weakest is used unless a stronger one predicts held-out samples better. */
    static final double[] RIDGES = {1, 3, 10, 30};
    private static final int RIDGE_FOLDS = 5;
    /** Estimated from finitely many held-out samples, a confidence is never certainty. */
    static final double MAX_CONFIDENCE = 0.99;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double ridge;

    private ConfidenceCalibrator(double[] mean, double[] scale, double[] weights, double ridge) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.ridge = ridge;
    }

    /** The ridge prior the weights were fitted with (NaN when uncalibrated). */
    double ridge() {
        return ridge;
    }

    double confidence(ScoreFeatures features) {
        if (weights == null) {
            return Math.min(MAX_CONFIDENCE, features.probability());
        }
        return Math.min(MAX_CONFIDENCE, probability(features.vector()));
    }

    private double probability(double[] f) {
        double z = weights[f.length];
        for (int i = 0; i < f.length; i++) {
            z += weights[i] * (f[i] - mean[i]) * scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Without held-out data: the ensemble probability itself, the best guess there is. */
    static ConfidenceCalibrator uncalibrated() {
        return new ConfidenceCalibrator(null, null, null, Double.NaN);
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
        double ridge = chooseRidge(x, samples, mean, scale);
        return new ConfidenceCalibrator(mean, scale, Newton.logistic(x, samples, mean, scale, ridge), ridge);
    }

    /** The ridge of {@link #RIDGES} with the lowest weighted log-loss on held-out samples (5-fold cross-validation). */
    private static double chooseRidge(double[][] x, List<Sample> samples, double[] mean, double[] scale) {
        int[] fold = Folds.shuffled(x.length, RIDGE_FOLDS, new Random(42));
        double best = RIDGES[0];
        double bestLoss = Double.MAX_VALUE;
        for (double ridge : RIDGES) {
            double loss = 0;
            for (int k = 0; k < RIDGE_FOLDS; k++) {
                loss += heldOutLoss(x, samples, mean, scale, ridge, fold, k);
            }
            if (loss < bestLoss - 1e-9) {
                best = ridge;
                bestLoss = loss;
            }
        }
        return best;
    }

    /** The weighted log-loss on fold {@code k} of the calibrator fitted on the other folds. */
    private static double heldOutLoss(double[][] x, List<Sample> samples, double[] mean, double[] scale, double ridge,
            int[] fold, int k) {
        List<double[]> trainX = new ArrayList<>();
        List<Sample> train = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (fold[i] != k) {
                trainX.add(x[i]);
                train.add(samples.get(i));
            }
        }
        ConfidenceCalibrator model = new ConfidenceCalibrator(mean, scale,
                Newton.logistic(trainX.toArray(double[][]::new), train, mean, scale, ridge), ridge);
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            if (fold[i] == k) {
                double p = Math.min(1 - 1e-6, Math.max(1e-6, model.probability(x[i])));
                loss -= samples.get(i).weight() * Math.log(samples.get(i).correct() ? p : 1 - p);
            }
        }
        return loss;
    }
}
