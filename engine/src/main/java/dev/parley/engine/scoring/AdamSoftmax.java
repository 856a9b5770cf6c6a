package dev.parley.engine.scoring;

import java.util.Random;

/** One training run of a softmax classifier with mini-batch Adam; writes into the given weights. */
final class AdamSoftmax {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final float[][] x;
    private final int[] labels;
    private final int classes;
    private final int dim;
    private final float[] weights;
    private final float[] bias;
    private final SoftmaxClassifier.Training training;
    private final float[] gradW;
    private final float[] gradB;
    private final float[] m;
    private final float[] v;
    private final float[] mb;
    private final float[] vb;
    private int step;

    AdamSoftmax(float[][] x, int[] labels, int classes, float[] weights, float[] bias,
            SoftmaxClassifier.Training training) {
        this.x = x;
        this.labels = labels;
        this.classes = classes;
        this.dim = x[0].length;
        this.weights = weights;
        this.bias = bias;
        this.training = training;
        this.gradW = new float[weights.length];
        this.gradB = new float[classes];
        this.m = new float[weights.length];
        this.v = new float[weights.length];
        this.mb = new float[classes];
        this.vb = new float[classes];
    }

    void run() {
        Random random = training.random();
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int epochs = training.epochs(n, classes);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += training.batchSize()) {
                int end = Math.min(n, start + training.batchSize());
                batch(order, start, end);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }

    private void batch(int[] order, int start, int end) {
        java.util.Arrays.fill(gradW, 0);
        java.util.Arrays.fill(gradB, 0);
        double[] logits = new double[classes];
        for (int k = start; k < end; k++) {
            float[] xi = x[order[k]];
            for (int c = 0; c < classes; c++) {
                logits[c] = bias[c] + Vectors.dot(weights, c * dim, xi);
            }
            Vectors.softmaxInPlace(logits);
            logits[labels[order[k]]] -= 1;
            for (int c = 0; c < classes; c++) {
                float g = (float) logits[c];
                if (Math.abs(g) < 1e-6f) {
                    continue;
                }
                int offset = c * dim;
                for (int d = 0; d < dim; d++) {
                    gradW[offset + d] += g * xi[d];
                }
                gradB[c] += g;
            }
        }
        update(end - start);
    }

    private void update(int batch) {
        step++;
        double lr = training.learningRate();
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        float decay = (float) training.weightDecay();
        for (int i = 0; i < weights.length; i++) {
            float g = gradW[i] / batch + decay * weights[i];
            m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
            v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
            weights[i] -= (float) (lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON));
        }
        for (int c = 0; c < classes; c++) {
            float g = gradB[c] / batch;
            mb[c] = (float) (BETA1 * mb[c] + (1 - BETA1) * g);
            vb[c] = (float) (BETA2 * vb[c] + (1 - BETA2) * g * g);
            bias[c] -= (float) (lr * (mb[c] / correction1) / (Math.sqrt(vb[c] / correction2) + EPSILON));
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
