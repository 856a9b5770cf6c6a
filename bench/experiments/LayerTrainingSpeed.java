import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiment: how fast could the JVM fine-tune bge-small's top layers? Times the matrix products of one training
 * step of one transformer layer (hidden 384, feed-forward 1536) on a batch of 32 texts of 16 tokens: 6 products
 * forward (query, key, value, attention output, the two feed-forward ones), 12 backward (each one's input and
 * weight gradients), in plain Java loops that the JIT vectorises, on 1 and on 2 threads. Attention scores, norms
 * and activations are a few percent of that work and are left out. Results are in docs/benchmarks.md
 * ("Fine-tuning the encoder").
 *
 * usage: java bench/experiments/LayerTrainingSpeed.java [rounds 30]
 *        java --add-modules jdk.incubator.vector -Dvector=true bench/experiments/LayerTrainingSpeed.java [rounds 30]
 */
public class LayerTrainingSpeed {

    static final int TOKENS = 32 * 16, HIDDEN = 384, FF = 1536;
    /** With {@code -Dvector=true} (and --add-modules jdk.incubator.vector): register-tiled products on the Vector API. */
    static final boolean VECTOR = Boolean.getBoolean("vector");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        if (VECTOR) {
            checkTiles();
        }
        for (int threads : new int[] {1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Step step = new Step(pool, threads);
            for (int i = 0; i < 5; i++) {
                step.run();  // warm-up: JIT
            }
            long started = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                step.run();
            }
            double ms = (System.nanoTime() - started) / 1e6 / rounds;
            double flops = 2.0 * TOKENS * (4.0 * HIDDEN * HIDDEN + 2.0 * HIDDEN * FF) * 3;
            System.out.printf((VECTOR ? "Vector API, " : "plain loops, ") + "%d thread(s): %.1f ms per layer per batch of %d tokens, %.1f GFLOP/s%n", threads, ms,
                    TOKENS, flops / ms / 1e6);
            pool.shutdown();
        }
    }

    /** One layer's forward and backward products, with gradients the same shapes as in training. */
    static final class Step {
        final ExecutorService pool;
        final int threads;
        final float[] x = random(TOKENS * HIDDEN), wq = random(HIDDEN * HIDDEN), wk = random(HIDDEN * HIDDEN),
                wv = random(HIDDEN * HIDDEN), wo = random(HIDDEN * HIDDEN), w1 = random(HIDDEN * FF),
                w2 = random(FF * HIDDEN);
        final float[] q = new float[TOKENS * HIDDEN], k = new float[TOKENS * HIDDEN], v = new float[TOKENS * HIDDEN],
                o = new float[TOKENS * HIDDEN], u = new float[TOKENS * FF], y = new float[TOKENS * HIDDEN];
        final float[] dWq = new float[HIDDEN * HIDDEN], dWk = new float[HIDDEN * HIDDEN],
                dWv = new float[HIDDEN * HIDDEN], dWo = new float[HIDDEN * HIDDEN], dW1 = new float[HIDDEN * FF],
                dW2 = new float[FF * HIDDEN], dx = new float[TOKENS * HIDDEN], du = new float[TOKENS * FF];

        Step(ExecutorService pool, int threads) {
            this.pool = pool;
            this.threads = threads;
        }

        void run() throws Exception {
            // forward: rows x weights
            mul(x, wq, q, TOKENS, HIDDEN, HIDDEN);
            mul(x, wk, k, TOKENS, HIDDEN, HIDDEN);
            mul(x, wv, v, TOKENS, HIDDEN, HIDDEN);
            mul(q, wo, o, TOKENS, HIDDEN, HIDDEN);
            mul(o, w1, u, TOKENS, HIDDEN, FF);
            mul(u, w2, y, TOKENS, FF, HIDDEN);
            // backward: input gradients (gradient x weights transposed), weight gradients (input transposed x gradient)
            mulTransposedB(y, w2, du, TOKENS, HIDDEN, FF);
            mulTransposedA(u, y, dW2, FF, TOKENS, HIDDEN);
            mulTransposedB(du, w1, dx, TOKENS, FF, HIDDEN);
            mulTransposedA(o, du, dW1, HIDDEN, TOKENS, FF);
            mulTransposedB(dx, wo, q, TOKENS, HIDDEN, HIDDEN);
            mulTransposedA(q, dx, dWo, HIDDEN, TOKENS, HIDDEN);
            mulTransposedB(q, wq, dx, TOKENS, HIDDEN, HIDDEN);
            mulTransposedA(x, q, dWq, HIDDEN, TOKENS, HIDDEN);
            mulTransposedB(k, wk, dx, TOKENS, HIDDEN, HIDDEN);
            mulTransposedA(x, k, dWk, HIDDEN, TOKENS, HIDDEN);
            mulTransposedB(v, wv, dx, TOKENS, HIDDEN, HIDDEN);
            mulTransposedA(x, v, dWv, HIDDEN, TOKENS, HIDDEN);
        }

        /** c[n x m] = a[n x k] b[k x m], rows split over the threads. */
        void mul(float[] a, float[] b, float[] c, int n, int kk, int m) throws Exception {
            if (VECTOR) {
                parallel(n / 4, (from, to) -> tiles(a, b, c, 4 * from, 4 * to, kk, m));
                return;
            }
            parallel(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int ci = i * m;
                    java.util.Arrays.fill(c, ci, ci + m, 0f);
                    for (int p = 0; p < kk; p++) {
                        float s = a[i * kk + p];
                        int bp = p * m;
                        for (int j = 0; j < m; j++) {
                            c[ci + j] += s * b[bp + j];
                        }
                    }
                }
            });
        }

        /** c[n x m] = a[n x k] b[m x k]^T: b transposed once (k x m is small), then the row-wise product. */
        void mulTransposedB(float[] a, float[] b, float[] c, int n, int kk, int m) throws Exception {
            float[] bt = new float[kk * m];
            for (int j = 0; j < m; j++) {
                for (int p = 0; p < kk; p++) {
                    bt[p * m + j] = b[j * kk + p];
                }
            }
            mul(a, bt, c, n, kk, m);
        }

        /** c[n x m] = a[k x n]^T b[k x m]: a transposed first, then the row-wise product. */
        void mulTransposedA(float[] a, float[] b, float[] c, int n, int kk, int m) throws Exception {
            float[] at = new float[n * kk];
            for (int p = 0; p < kk; p++) {
                for (int i = 0; i < n; i++) {
                    at[i * kk + p] = a[p * n + i];
                }
            }
            mul(at, b, c, n, kk, m);
        }

        /** Rows [from, to) of c in tiles of 4 rows x 2 vectors kept in registers over the whole inner dimension. */
        static void tiles(float[] a, float[] b, float[] c, int from, int to, int kk, int m) {
            var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
            int lanes = species.length();
            for (int i = from; i < to; i += 4) {
                for (int j = 0; j < m; j += 2 * lanes) {
                    var c00 = jdk.incubator.vector.FloatVector.zero(species);
                    var c01 = c00; var c10 = c00; var c11 = c00; var c20 = c00; var c21 = c00; var c30 = c00; var c31 = c00;
                    for (int p = 0; p < kk; p++) {
                        var b0 = jdk.incubator.vector.FloatVector.fromArray(species, b, p * m + j);
                        var b1 = jdk.incubator.vector.FloatVector.fromArray(species, b, p * m + j + lanes);
                        var a0 = jdk.incubator.vector.FloatVector.broadcast(species, a[i * kk + p]);
                        var a1 = jdk.incubator.vector.FloatVector.broadcast(species, a[(i + 1) * kk + p]);
                        var a2 = jdk.incubator.vector.FloatVector.broadcast(species, a[(i + 2) * kk + p]);
                        var a3 = jdk.incubator.vector.FloatVector.broadcast(species, a[(i + 3) * kk + p]);
                        c00 = b0.fma(a0, c00); c01 = b1.fma(a0, c01);
                        c10 = b0.fma(a1, c10); c11 = b1.fma(a1, c11);
                        c20 = b0.fma(a2, c20); c21 = b1.fma(a2, c21);
                        c30 = b0.fma(a3, c30); c31 = b1.fma(a3, c31);
                    }
                    c00.intoArray(c, i * m + j); c01.intoArray(c, i * m + j + lanes);
                    c10.intoArray(c, (i + 1) * m + j); c11.intoArray(c, (i + 1) * m + j + lanes);
                    c20.intoArray(c, (i + 2) * m + j); c21.intoArray(c, (i + 2) * m + j + lanes);
                    c30.intoArray(c, (i + 3) * m + j); c31.intoArray(c, (i + 3) * m + j + lanes);
                }
            }
        }

        interface Rows {
            void run(int from, int to);
        }

        void parallel(int n, Rows rows) throws Exception {
            List<Future<?>> parts = new ArrayList<>();
            int per = (n + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * per, to = Math.min(n, from + per);
                parts.add(pool.submit(() -> rows.run(from, to)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        }
    }

    /** The tiled product against the textbook one, so that the timing is of a correct product. */
    static void checkTiles() {
        int n = 64, kk = 384, m = 1536;
        float[] a = random(n * kk), b = random(kk * m), c = new float[n * m];
        Step.tiles(a, b, c, 0, n, kk, m);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < kk; p++) {
                    s += a[i * kk + p] * b[p * m + j];
                }
                worst = Math.max(worst, Math.abs(s - c[i * m + j]));
            }
        }
        System.out.printf("tiled product: largest difference to the textbook one %.2e (%d lanes)%n", worst,
                jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length());
        if (worst > 1e-4) {
            throw new IllegalStateException("the tiled product is wrong");
        }
    }

    static float[] random(int n) {
        Random random = new Random(n);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian() * 0.05f;
        }
        return out;
    }
}
