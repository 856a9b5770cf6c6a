package dev.parley.engine.encoder;

/** The exact (erf) GELU the model uses, with Abramowitz and Stegun's erf (7.1.26, error below 1.5e-7). */
final class Gelu {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INVERSE_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Gelu() {
    }

    static float value(float x) {
        return (float) (0.5 * x * (1 + erf(x * SQRT_HALF)));
    }

    static float derivative(float x) {
        return (float) (0.5 * (1 + erf(x * SQRT_HALF)) + x * Math.exp(-0.5 * x * x) * INVERSE_SQRT_2PI);
    }

    static double erf(double x) {
        double a = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * a);
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-a * a);
        return x < 0 ? -y : y;
    }
}
