package dev.parley.assistant.internal.scoring;

/** Small dense-vector operations; plain loops that the JIT vectorises. */
final class Vectors {

    private Vectors() {
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static float dot(float[] matrix, int offset, float[] b) {
        float sum = 0;
        for (int i = 0; i < b.length; i++) {
            sum += matrix[offset + i] * b[i];
        }
        return sum;
    }

    static void softmaxInPlace(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= sum;
        }
    }

    /** Index of the largest value, and of the second largest when {@code second} is true. */
    static int[] top2(double[] values) {
        int best = -1;
        int next = -1;
        for (int i = 0; i < values.length; i++) {
            if (best < 0 || values[i] > values[best]) {
                next = best;
                best = i;
            } else if (next < 0 || values[i] > values[next]) {
                next = i;
            }
        }
        return new int[] {best, next};
    }
}
