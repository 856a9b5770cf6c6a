package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.EncoderLayer.HEAD;
import static dev.parley.engine.encoder.EncoderLayer.HEADS;
import static dev.parley.engine.encoder.ModelFile.HIDDEN;

/**
 * Multi-head self-attention over each text's real tokens (padding is neither attended to nor computed;
 * its rows stay zero), forward and backward.
 */
final class Attention {

    private static final float SCALE = (float) (1 / Math.sqrt(HEAD));

    private Attention() {
    }

    /** The attention output; {@code probabilities} receives the attention weights, (batch, head, query, key). */
    static float[] forward(float[] q, float[] k, float[] v, Batch batch, float[] probabilities) {
        int t = batch.length();
        float[] o = new float[batch.rows() * HIDDEN];
        float[] scores = new float[t];
        for (int b = 0; b < batch.size(); b++) {
            int length = batch.lengths()[b];
            for (int head = 0; head < HEADS; head++) {
                int column = head * HEAD;
                for (int i = 0; i < length; i++) {
                    int qi = (b * t + i) * HIDDEN + column;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < length; j++) {
                        int kj = (b * t + j) * HIDDEN + column;
                        float s = 0;
                        for (int d = 0; d < HEAD; d++) {
                            s += q[qi + d] * k[kj + d];
                        }
                        scores[j] = s * SCALE;
                        max = Math.max(max, scores[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < length; j++) {
                        scores[j] = (float) Math.exp(scores[j] - max);
                        sum += scores[j];
                    }
                    int p = ((b * HEADS + head) * t + i) * t;
                    for (int j = 0; j < length; j++) {
                        float weight = (float) (scores[j] / sum);
                        probabilities[p + j] = weight;
                        int vj = (b * t + j) * HIDDEN + column;
                        for (int d = 0; d < HEAD; d++) {
                            o[qi + d] += weight * v[vj + d];
                        }
                    }
                }
            }
        }
        return o;
    }

    /** Adds the gradients of q, k and v, given the gradient of the output. */
    static void backward(EncoderLayer.Activations a, float[] dOut, float[] dq, float[] dk, float[] dv) {
        Batch batch = a.batch();
        int t = batch.length();
        float[] q = a.q();
        float[] k = a.k();
        float[] v = a.v();
        float[] dWeights = new float[t];
        for (int b = 0; b < batch.size(); b++) {
            int length = batch.lengths()[b];
            for (int head = 0; head < HEADS; head++) {
                int column = head * HEAD;
                for (int i = 0; i < length; i++) {
                    int qi = (b * t + i) * HIDDEN + column;
                    int p = ((b * HEADS + head) * t + i) * t;
                    double weighted = 0;
                    for (int j = 0; j < length; j++) {
                        int vj = (b * t + j) * HIDDEN + column;
                        float s = 0;
                        float weight = a.probabilities()[p + j];
                        for (int d = 0; d < HEAD; d++) {
                            s += dOut[qi + d] * v[vj + d];
                            dv[vj + d] += weight * dOut[qi + d];
                        }
                        dWeights[j] = s;
                        weighted += weight * s;
                    }
                    for (int j = 0; j < length; j++) {
                        float ds = (float) (a.probabilities()[p + j] * (dWeights[j] - weighted)) * SCALE;
                        int kj = (b * t + j) * HIDDEN + column;
                        for (int d = 0; d < HEAD; d++) {
                            dq[qi + d] += ds * k[kj + d];
                            dk[kj + d] += ds * q[qi + d];
                        }
                    }
                }
            }
        }
    }
}
