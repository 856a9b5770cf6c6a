package dev.parley.assistant.internal.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-example search: every example embedding in one flat array, grouped by the article it belongs
 * to. Exact search over the examples of the candidate articles only, so the cost per question does not
 * grow with the size of the knowledge base.
 */
final class ExampleIndex {

    private final float[] matrix;
    private final int[][] rowsByArticle;
    private final int dimension;

    ExampleIndex(List<float[]> vectors, int[] owner, int articles) {
        this.dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        this.matrix = new float[vectors.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, matrix, i * dimension, dimension);
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            rows.add(new ArrayList<>());
        }
        for (int row = 0; row < owner.length; row++) {
            rows.get(owner[row]).add(row);
        }
        this.rowsByArticle = rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** For each candidate article, the cosine similarity of its closest example; -1 for the others. */
    double[] closest(float[] query, int[] candidates) {
        double[] best = new double[rowsByArticle.length];
        Arrays.fill(best, -1);
        for (int article : candidates) {
            for (int row : rowsByArticle[article]) {
                best[article] = Math.max(best[article], Vectors.dot(matrix, row * dimension, query));
            }
        }
        return best;
    }
}
