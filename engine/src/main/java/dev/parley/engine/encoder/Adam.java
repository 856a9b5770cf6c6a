package dev.parley.engine.encoder;

import java.util.List;

/** Adam (Kingma and Ba) with bias correction, over a fixed list of parameter arrays updated in place. */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final float[][] first;
    private final float[][] second;
    private int step;

    Adam(List<float[]> parameters, double learningRate) {
        this.learningRate = learningRate;
        this.first = parameters.stream().map(p -> new float[p.length]).toArray(float[][]::new);
        this.second = parameters.stream().map(p -> new float[p.length]).toArray(float[][]::new);
    }

    void update(List<float[]> parameters, List<float[]> gradients) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (int t = 0; t < parameters.size(); t++) {
            float[] p = parameters.get(t);
            float[] g = gradients.get(t);
            float[] m = first[t];
            float[] v = second[t];
            for (int i = 0; i < p.length; i++) {
                m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
                v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]);
                p[i] -= (float) (learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON));
            }
        }
    }
}
