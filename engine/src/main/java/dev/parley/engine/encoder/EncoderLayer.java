package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.LayerParameters.B1;
import static dev.parley.engine.encoder.LayerParameters.B2;
import static dev.parley.engine.encoder.LayerParameters.BK;
import static dev.parley.engine.encoder.LayerParameters.BO;
import static dev.parley.engine.encoder.LayerParameters.BQ;
import static dev.parley.engine.encoder.LayerParameters.BV;
import static dev.parley.engine.encoder.LayerParameters.C1;
import static dev.parley.engine.encoder.LayerParameters.C2;
import static dev.parley.engine.encoder.LayerParameters.G1;
import static dev.parley.engine.encoder.LayerParameters.G2;
import static dev.parley.engine.encoder.LayerParameters.W1;
import static dev.parley.engine.encoder.LayerParameters.W2;
import static dev.parley.engine.encoder.LayerParameters.WK;
import static dev.parley.engine.encoder.LayerParameters.WO;
import static dev.parley.engine.encoder.LayerParameters.WQ;
import static dev.parley.engine.encoder.LayerParameters.WV;
import static dev.parley.engine.encoder.ModelFile.FEED_FORWARD;
import static dev.parley.engine.encoder.ModelFile.HIDDEN;

/**
 * One BERT layer's forward pass over a padded batch, keeping what the backward pass needs, and the
 * backward pass itself (hand-written; {@code EncoderLayerTests} checks it against finite differences).
 * Matrix products go to {@link MatrixProducts}; attention, norms and the activation are plain loops.
 */
final class EncoderLayer {

    static final int HEADS = 12;
    static final int HEAD = HIDDEN / HEADS;
    private static final float EPSILON = 1e-12f;

    private EncoderLayer() {
    }

    /** What the forward pass kept: inputs and intermediate values, per row of the padded batch. */
    record Activations(Batch batch, float[] h, float[] q, float[] k, float[] v, float[] probabilities, float[] o,
            Norm norm1, float[] x1, float[] u, float[] act, Norm norm2, float[] y) {
    }

    /** A layer norm's normalised input and inverse standard deviation per row. */
    record Norm(float[] normalised, float[] inverseStd) {
    }

    static Activations forward(LayerParameters p, float[] h, Batch batch, MatrixProducts products) {
        int n = batch.rows();
        float[] q = affine(products, h, n, HIDDEN, p.get(WQ), p.get(BQ), HIDDEN);
        float[] k = affine(products, h, n, HIDDEN, p.get(WK), p.get(BK), HIDDEN);
        float[] v = affine(products, h, n, HIDDEN, p.get(WV), p.get(BV), HIDDEN);
        float[] probabilities = new float[batch.size() * HEADS * batch.length() * batch.length()];
        float[] o = Attention.forward(q, k, v, batch, probabilities);
        float[] z1 = affine(products, o, n, HIDDEN, p.get(WO), p.get(BO), HIDDEN);
        add(z1, h);
        float[] x1 = new float[z1.length];
        Norm norm1 = normalise(z1, p.get(G1), p.get(C1), x1);
        float[] u = affine(products, x1, n, HIDDEN, p.get(W1), p.get(B1), FEED_FORWARD);
        float[] act = new float[u.length];
        for (int i = 0; i < u.length; i++) {
            act[i] = Gelu.value(u[i]);
        }
        float[] z2 = affine(products, act, n, FEED_FORWARD, p.get(W2), p.get(B2), HIDDEN);
        add(z2, x1);
        float[] y = new float[z2.length];
        Norm norm2 = normalise(z2, p.get(G2), p.get(C2), y);
        return new Activations(batch, h, q, k, v, probabilities, o, norm1, x1, u, act, norm2, y);
    }

    /**
     * Gradients of the layer's parameters into {@code gradient} from the gradient of its output; returns the
     * gradient of its input when {@code inputGradient} is asked for, null otherwise.
     */
    static float[] backward(LayerParameters p, Activations a, float[] dy, LayerParameters gradient,
            MatrixProducts products, boolean inputGradient) {
        int n = a.batch().rows();
        float[] dz2 = normBackward(dy, p.get(G2), a.norm2(), gradient.get(G2), gradient.get(C2));
        weightGradient(products, a.act(), n, FEED_FORWARD, dz2, HIDDEN, gradient.get(W2), gradient.get(B2));
        float[] du = products.timesTransposed(dz2, n, HIDDEN, p.get(W2), FEED_FORWARD);
        for (int i = 0; i < du.length; i++) {
            du[i] *= Gelu.derivative(a.u()[i]);
        }
        weightGradient(products, a.x1(), n, HIDDEN, du, FEED_FORWARD, gradient.get(W1), gradient.get(B1));
        float[] dx1 = products.timesTransposed(du, n, FEED_FORWARD, p.get(W1), HIDDEN);
        add(dx1, dz2);
        float[] dz1 = normBackward(dx1, p.get(G1), a.norm1(), gradient.get(G1), gradient.get(C1));
        weightGradient(products, a.o(), n, HIDDEN, dz1, HIDDEN, gradient.get(WO), gradient.get(BO));
        float[] dOut = products.timesTransposed(dz1, n, HIDDEN, p.get(WO), HIDDEN);
        float[] dq = new float[n * HIDDEN];
        float[] dk = new float[n * HIDDEN];
        float[] dv = new float[n * HIDDEN];
        Attention.backward(a, dOut, dq, dk, dv);
        weightGradient(products, a.h(), n, HIDDEN, dq, HIDDEN, gradient.get(WQ), gradient.get(BQ));
        weightGradient(products, a.h(), n, HIDDEN, dk, HIDDEN, gradient.get(WK), gradient.get(BK));
        weightGradient(products, a.h(), n, HIDDEN, dv, HIDDEN, gradient.get(WV), gradient.get(BV));
        if (!inputGradient) {
            return null;
        }
        float[] dh = dz1;
        add(dh, products.timesTransposed(dq, n, HIDDEN, p.get(WQ), HIDDEN));
        add(dh, products.timesTransposed(dk, n, HIDDEN, p.get(WK), HIDDEN));
        add(dh, products.timesTransposed(dv, n, HIDDEN, p.get(WV), HIDDEN));
        return dh;
    }

    private static float[] affine(MatrixProducts products, float[] x, int n, int in, float[] w, float[] bias, int out) {
        float[] y = products.times(x, n, in, w, out);
        for (int r = 0; r < n; r++) {
            int row = r * out;
            for (int j = 0; j < out; j++) {
                y[row + j] += bias[j];
            }
        }
        return y;
    }

    /** Adds x^T dz to the weight gradient and the column sums of dz to the bias gradient. */
    private static void weightGradient(MatrixProducts products, float[] x, int n, int in, float[] dz, int out,
            float[] weight, float[] bias) {
        add(weight, products.transposedTimes(x, n, in, dz, out));
        for (int r = 0; r < n; r++) {
            int row = r * out;
            for (int j = 0; j < out; j++) {
                bias[j] += dz[row + j];
            }
        }
    }

    static void add(float[] target, float[] values) {
        for (int i = 0; i < target.length; i++) {
            target[i] += values[i];
        }
    }

    private static Norm normalise(float[] z, float[] gain, float[] bias, float[] out) {
        int rows = z.length / HIDDEN;
        float[] normalised = new float[z.length];
        float[] inverseStd = new float[rows];
        for (int r = 0; r < rows; r++) {
            int row = r * HIDDEN;
            double mean = 0;
            for (int j = 0; j < HIDDEN; j++) {
                mean += z[row + j];
            }
            mean /= HIDDEN;
            double variance = 0;
            for (int j = 0; j < HIDDEN; j++) {
                double d = z[row + j] - mean;
                variance += d * d;
            }
            float inverse = (float) (1 / Math.sqrt(variance / HIDDEN + EPSILON));
            inverseStd[r] = inverse;
            for (int j = 0; j < HIDDEN; j++) {
                float x = (float) ((z[row + j] - mean) * inverse);
                normalised[row + j] = x;
                out[row + j] = x * gain[j] + bias[j];
            }
        }
        return new Norm(normalised, inverseStd);
    }

    private static float[] normBackward(float[] dy, float[] gain, Norm norm, float[] dGain, float[] dBias) {
        float[] dz = new float[dy.length];
        float[] xh = norm.normalised();
        for (int r = 0; r < norm.inverseStd().length; r++) {
            int row = r * HIDDEN;
            double mean = 0;
            double meanTimesX = 0;
            for (int j = 0; j < HIDDEN; j++) {
                double d = dy[row + j] * gain[j];
                mean += d;
                meanTimesX += d * xh[row + j];
                dGain[j] += dy[row + j] * xh[row + j];
                dBias[j] += dy[row + j];
            }
            mean /= HIDDEN;
            meanTimesX /= HIDDEN;
            float inverse = norm.inverseStd()[r];
            for (int j = 0; j < HIDDEN; j++) {
                dz[row + j] = (float) ((dy[row + j] * gain[j] - mean - xh[row + j] * meanTimesX) * inverse);
            }
        }
        return dz;
    }
}
