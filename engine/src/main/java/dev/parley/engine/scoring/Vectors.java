package dev.parley.engine.scoring;

/** Small dense-vector operations; plain loops that the JIT vectorises. */
final class Vectors {

    private Vectors() {
    }

    static float dot(float[] a, float[] b) {
        return dot(a, 0, b);
    }

    /** Four independent sums, so the CPU overlaps the multiply-adds (the JIT won't reorder float sums). */
    static float dot(float[] matrix, int offset, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = b.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += matrix[offset + i] * b[i];
            s1 += matrix[offset + i + 1] * b[i + 1];
            s2 += matrix[offset + i + 2] * b[i + 2];
            s3 += matrix[offset + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += matrix[offset + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
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
