package dev.parley.engine.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-example search: every example embedding in one flat array, grouped by the article it belongs
 * to. Exact search over the examples of the candidate articles only, so the cost per question does not
 * grow with the size of the knowledge base.
 */
final class ExampleIndex implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final float[] matrix;
    private final int[][] rowsByArticle;
    private final int dimension;
    /** Each article's centre: the normalised mean of its example embeddings, row-major. */
    private final float[] centroids;

    ExampleIndex(List<float[]> vectors, int[] owner, int articles) {
        this.dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        this.matrix = new float[vectors.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, matrix, i * dimension, dimension);
        }
        this.rowsByArticle = rowsByArticle(owner, articles);
        this.centroids = centroids();
    }

    private float[] centroids() {
        float[] out = new float[rowsByArticle.length * dimension];
        double[] sum = new double[dimension];
        for (int a = 0; a < rowsByArticle.length; a++) {
            java.util.Arrays.fill(sum, 0);
            for (int row : rowsByArticle[a]) {
                for (int j = 0; j < dimension; j++) {
                    sum[j] += matrix[row * dimension + j];
                }
            }
            double norm = 0;
            for (double v : sum) {
                norm += v * v;
            }
            for (int j = 0; j < dimension && norm > 0; j++) {
                out[a * dimension + j] = (float) (sum[j] / Math.sqrt(norm));
            }
        }
        return out;
    }

    /** Cosine similarity of a (unit) query to the article's centre; 0 for an article without examples. */
    double centroidSimilarity(float[] query, int article) {
        return Vectors.dot(centroids, article * dimension, query);
    }

    /** For each article, the rows (texts) that belong to it, in order. */
    static int[][] rowsByArticle(int[] owner, int articles) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            rows.add(new ArrayList<>());
        }
        for (int row = 0; row < owner.length; row++) {
            rows.get(owner[row]).add(row);
        }
        return rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** Which neighbour's similarity is the density feature (small k suits small knowledge bases; 5 is usual). */
    static final int K = 5;

    /**
     * @param closest for each candidate article, the cosine similarity of its closest example; -1 for the others
     * @param kth the k-th highest similarity among all the candidates' examples (a density estimate: low when
     *        the question is in a sparse region of the examples, as out-of-scope questions tend to be)
     */
    record Neighbours(double[] closest, double kth) {
    }

    Neighbours closest(float[] query, int[] candidates) {
        double[] best = new double[rowsByArticle.length];
        Arrays.fill(best, -1);
        double[] top = new double[K];
        Arrays.fill(top, -1);
        for (int article : candidates) {
            for (int row : rowsByArticle[article]) {
                double similarity = Vectors.dot(matrix, row * dimension, query);
                best[article] = Math.max(best[article], similarity);
                if (similarity > top[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && top[at - 1] < similarity) {
                        top[at] = top[at - 1];
                        at--;
                    }
                    top[at] = similarity;
                }
            }
        }
        return new Neighbours(best, top[K - 1]);
    }
}
