package dev.parley.assistant.internal.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * Nearest-example search: every example embedding in one flat array, with the article it belongs
 * to. Exact search (a dot product per example) is fast enough for the sizes a help desk has.
 */
final class ExampleIndex {

    private final float[] matrix;
    private final int[] owner;
    private final int dimension;
    private final int articles;

    ExampleIndex(List<float[]> vectors, int[] owner, int articles) {
        this.dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
        this.matrix = new float[vectors.size() * dimension];
        for (int i = 0; i < vectors.size(); i++) {
            System.arraycopy(vectors.get(i), 0, matrix, i * dimension, dimension);
        }
        this.owner = owner.clone();
        this.articles = articles;
    }

    /** For each article, the cosine similarity of its closest example to the query (-1 when it has none). */
    double[] closestPerArticle(float[] query) {
        double[] best = new double[articles];
        Arrays.fill(best, -1);
        for (int row = 0; row < owner.length; row++) {
            double sim = Vectors.dot(matrix, row * dimension, query);
            if (sim > best[owner[row]]) {
                best[owner[row]] = sim;
            }
        }
        return best;
    }

    int size() {
        return owner.length;
    }
}
