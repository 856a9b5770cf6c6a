package dev.parley.engine.scoring;

import java.util.List;

/** Weighted, ridge-regularised logistic regression by Newton-Raphson, for a handful of features. */
final class Newton {

    private static final int ITERATIONS = 25;

    private Newton() {
    }

    /** Returns weights for the standardised features, the intercept last. */
    static double[] logistic(double[][] x, List<ConfidenceCalibrator.Sample> samples, double[] mean,
            double[] scale, double ridge) {
        int d = mean.length + 1;
        double[] w = new double[d];
        double[] z = new double[d];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.length; i++) {
                standardised(x[i], mean, scale, z);
                double p = 1 / (1 + Math.exp(-dot(w, z)));
                double weight = samples.get(i).weight();
                double error = p - (samples.get(i).correct() ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-9) * weight;
                for (int a = 0; a < d; a++) {
                    gradient[a] += weight * error * z[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += curvature * z[a] * z[b];
                    }
                }
            }
            for (int a = 0; a < d - 1; a++) {
                gradient[a] += ridge * w[a];
                hessian[a][a] += ridge;
            }
            hessian[d - 1][d - 1] += 1e-9;
            double[] delta = solve(hessian, gradient);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= delta[a];
                change += Math.abs(delta[a]);
            }
            if (change < 1e-7) {
                break;
            }
        }
        return w;
    }

    private static void standardised(double[] x, double[] mean, double[] scale, double[] out) {
        for (int j = 0; j < x.length; j++) {
            out[j] = (x[j] - mean[j]) * scale[j];
        }
        out[x.length] = 1;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = y[col];
            y[col] = y[pivot];
            y[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
                y[r] -= factor * y[col];
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = y[r];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * out[c];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
