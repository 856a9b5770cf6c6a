package dev.parley.engine.scoring;

import java.util.List;
import java.util.Random;

/**
 * A multinomial logistic-regression classifier over (rescaled) sentence embeddings, trained
 * in-process with mini-batch Adam and weight decay. Immutable once trained.
 */
final class SoftmaxClassifier implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int classes;
    private final int dimension;
    private final float[] mean;
    private final float[] inverseStd;
    private final float[] weights;
    private final float[] bias;

    private SoftmaxClassifier(int classes, float[] mean, float[] inverseStd, float[] weights, float[] bias) {
        this.classes = classes;
        this.dimension = mean.length;
        this.mean = mean;
        this.inverseStd = inverseStd;
        this.weights = weights;
        this.bias = bias;
    }

    /** Class probabilities for one embedding. */
    double[] probabilities(float[] embedding) {
        float[] x = standardise(embedding, mean, inverseStd);
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
            logits[c] = bias[c] + Vectors.dot(weights, c * dimension, x);
        }
        Vectors.softmaxInPlace(logits);
        return logits;
    }

    static SoftmaxClassifier train(List<float[]> inputs, int[] labels, int classes, Training training) {
        int dim = inputs.get(0).length;
        float[] mean = new float[dim];
        float[] inverseStd = new float[dim];
        moments(inputs, mean, inverseStd);
        float[][] x = new float[inputs.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = standardise(inputs.get(i), mean, inverseStd);
        }
        float[] weights = new float[classes * dim];
        float[] bias = new float[classes];
        new AdamSoftmax(x, labels, classes, weights, bias, training).run();
        return new SoftmaxClassifier(classes, mean, inverseStd, weights, bias);
    }

    /** Unit vectors rescaled by sqrt(dim), so an average component has unit variance; not centred,
     * which keeps the cosine geometry (centring per dimension did no better). */
    private static void moments(List<float[]> inputs, float[] mean, float[] inverseStd) {
        java.util.Arrays.fill(inverseStd, (float) Math.sqrt(mean.length));
    }

    private static float[] standardise(float[] v, float[] mean, float[] inverseStd) {
        float[] out = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = (v[d] - mean[d]) * inverseStd[d];
        }
        return out;
    }

    /** Hyper-parameters; {@code sampleVisits} bounds the work whatever the data size. */
    record Training(int sampleVisits, int minEpochs, int maxEpochs, int batchSize, double learningRate,
            double weightDecay, long seed) {

        static Training defaults() {
            return new Training(300_000, 3, 100, 32, 0.002, 1e-5, 42);
        }

        /** Epochs for this data: the visit budget shrinks past 150 classes, so the work (visits x classes) stays bounded. */
        int epochs(int samples, int classes) {
            long budget = Math.min(sampleVisits, (long) sampleVisits * 150 / Math.max(1, classes));
            return (int) Math.max(minEpochs, Math.min(maxEpochs, budget / Math.max(1, samples)));
        }

        Random random() {
            return new Random(seed);
        }
    }
}
