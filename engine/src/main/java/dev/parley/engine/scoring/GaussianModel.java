package dev.parley.engine.scoring;

import java.util.List;

/**
 * Class-conditional Gaussians with one shared covariance over the example embeddings (as in linear
 * discriminant analysis), for the Mahalanobis distance of a question to each article: how typical the
 * question is of the article's examples, given how example embeddings vary within an article. It tells
 * out-of-scope questions apart better than cosine similarity (Podolskiy et al., "Revisiting Mahalanobis
 * Distance for Transformer-Based Out-of-Domain Detection", AAAI 2021). The covariance is shrunk towards a
 * scaled identity by the Ledoit-Wolf estimate, so it stays well conditioned with few examples.
 */
final class GaussianModel implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The distance given to articles that are not allowed: far beyond any real one, yet finite. */
    private static final double FAR = 1e6;

    private final int dimension;
    /** Lower-triangular whitening matrix W = L⁻¹ for the shrunk covariance L·Lᵀ, row-major. */
    private final float[] whitening;
    /** W·μ for every article, row-major. */
    private final float[] whitenedMeans;
    private final int classes;

    private GaussianModel(int dimension, float[] whitening, float[] whitenedMeans, int classes) {
        this.dimension = dimension;
        this.whitening = whitening;
        this.whitenedMeans = whitenedMeans;
        this.classes = classes;
    }

    static GaussianModel train(List<float[]> vectors, int[] labels, int classes) {
        int d = vectors.get(0).length;
        int n = vectors.size();
        double[][] means = new double[classes][d];
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            float[] v = vectors.get(i);
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += v[j];
            }
        }
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d && counts[c] > 0; j++) {
                means[c][j] /= counts[c];
            }
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        double sumSquaredNorms = 0;
        for (int i = 0; i < n; i++) {
            float[] v = vectors.get(i);
            double norm = 0;
            for (int j = 0; j < d; j++) {
                centred[j] = v[j] - means[labels[i]][j];
                norm += centred[j] * centred[j];
            }
            sumSquaredNorms += norm * norm;
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = 0; b <= a; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                covariance[a][b] /= n;
                covariance[b][a] = covariance[a][b];
            }
        }
        shrink(covariance, n, sumSquaredNorms);
        double[][] lower = cholesky(covariance);
        double[][] inverse = invertLower(lower);
        float[] whitening = new float[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                whitening[a * d + b] = (float) inverse[a][b];
            }
        }
        float[] whitenedMeans = new float[classes * d];
        float[] mean = new float[d];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                mean[j] = (float) means[c][j];
            }
            System.arraycopy(whiten(whitening, d, mean), 0, whitenedMeans, c * d, d);
        }
        return new GaussianModel(d, whitening, whitenedMeans, classes);
    }

    /**
     * A question's squared Mahalanobis distances to the articles' means, divided by the dimension (so a
     * typical example of an article is at about 1 from its mean, whatever the model's dimension).
     */
    record Distances(double[] values, int dimension) {

        double of(int article) {
            return values[article];
        }

        /** The smallest distance to any article. */
        double nearest() {
            double min = Double.MAX_VALUE;
            for (double v : values) {
                min = Math.min(min, v);
            }
            return min;
        }

        /** P(article | question) under the Gaussians alone, with equal priors: a softmax of -½·distance². */
        double posterior(int article) {
            double nearest = nearest();
            double scale = 0.5 * dimension;
            double sum = 0;
            for (double v : values) {
                sum += Math.exp(-scale * (v - nearest));
            }
            return Math.exp(-scale * (values[article] - nearest)) / sum;
        }
    }

    /** The distances to every article; those {@code allowed} marks only, when it is not null. */
    Distances distances(float[] query, boolean[] allowed) {
        float[] z = whiten(whitening, dimension, query);
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int offset = c * dimension;
            float s0 = 0;
            float s1 = 0;
            for (int j = 0; j + 1 < dimension; j += 2) {
                float e0 = z[j] - whitenedMeans[offset + j];
                float e1 = z[j + 1] - whitenedMeans[offset + j + 1];
                s0 += e0 * e0;
                s1 += e1 * e1;
            }
            if ((dimension & 1) == 1) {
                float e = z[dimension - 1] - whitenedMeans[offset + dimension - 1];
                s0 += e * e;
            }
            out[c] = allowed == null || allowed[c] ? (s0 + s1) / dimension : FAR;
        }
        return new Distances(out, dimension);
    }

    private static float[] whiten(float[] whitening, int d, float[] v) {
        float[] z = new float[d];
        for (int a = 0; a < d; a++) {
            float s = 0;
            int offset = a * d;
            for (int b = 0; b <= a; b++) {
                s += whitening[offset + b] * v[b];
            }
            z[a] = s;
        }
        return z;
    }

    /**
     * Ledoit-Wolf shrinkage towards μ·I (μ the mean variance), in place; the same estimate as scikit-learn's
     * {@code ledoit_wolf_shrinkage}, from the covariance of the centred rows and the sum of their squared
     * norms squared.
     */
    private static void shrink(double[][] covariance, int n, double sumSquaredNorms) {
        int d = covariance.length;
        double trace = 0;
        double frobenius = 0;
        for (int a = 0; a < d; a++) {
            trace += covariance[a][a];
            for (int b = 0; b < d; b++) {
                frobenius += covariance[a][b] * covariance[a][b];
            }
        }
        double mu = trace / d;
        double beta = (sumSquaredNorms / n - frobenius) / ((double) d * n);
        double delta = (frobenius - 2 * mu * trace + d * mu * mu) / d;
        double shrinkage = delta <= 0 ? 1 : Math.max(0, Math.min(1, Math.min(beta, delta) / delta));
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                covariance[a][b] *= 1 - shrinkage;
            }
            covariance[a][a] += shrinkage * mu + 1e-9;
        }
    }

    private static double[][] cholesky(double[][] m) {
        int d = m.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
            }
        }
        return l;
    }

    private static double[][] invertLower(double[][] l) {
        int d = l.length;
        double[][] inverse = new double[d][d];
        for (int col = 0; col < d; col++) {
            inverse[col][col] = 1 / l[col][col];
            for (int i = col + 1; i < d; i++) {
                double s = 0;
                for (int k = col; k < i; k++) {
                    s -= l[i][k] * inverse[k][col];
                }
                inverse[i][col] = s / l[i][i];
            }
        }
        return inverse;
    }
}
