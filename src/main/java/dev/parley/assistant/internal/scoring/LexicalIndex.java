package dev.parley.assistant.internal.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lexical similarity: TF-IDF over words, word pairs and character 3-5-grams (robust to typos and
 * inflection), cosine between sparse vectors. It is computed only for the few candidate articles the
 * embedding models rank highest, so its cost does not grow with the knowledge base.
 */
final class LexicalIndex {

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final int[][] terms;
    private final float[][] weights;
    private final int[][] rowsByArticle;

    private LexicalIndex(Map<String, Integer> vocabulary, float[] idf, int[][] terms, float[][] weights,
            int[][] rowsByArticle) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.terms = terms;
        this.weights = weights;
        this.rowsByArticle = rowsByArticle;
    }

    static LexicalIndex build(List<String> texts, int[] owner, int articles) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
        List<Integer> documentFrequency = new ArrayList<>();
        for (String text : texts) {
            Map<String, Integer> tf = termCounts(text);
            counts.add(tf);
            for (String term : tf.keySet()) {
                Integer id = vocabulary.computeIfAbsent(term, t -> {
                    documentFrequency.add(0);
                    return vocabulary.size();
                });
                documentFrequency.set(id, documentFrequency.get(id) + 1);
            }
        }
        float[] idf = new float[vocabulary.size()];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = (float) (Math.log((texts.size() + 1.0) / (documentFrequency.get(t) + 1.0)) + 1);
        }
        int[][] terms = new int[texts.size()][];
        float[][] weights = new float[texts.size()][];
        for (int row = 0; row < texts.size(); row++) {
            Sparse vector = weigh(counts.get(row), vocabulary, idf);
            terms[row] = vector.terms();
            weights[row] = vector.weights();
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            rows.add(new ArrayList<>());
        }
        for (int row = 0; row < owner.length; row++) {
            rows.get(owner[row]).add(row);
        }
        int[][] rowsByArticle = rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return new LexicalIndex(vocabulary, idf, terms, weights, rowsByArticle);
    }

    /** Per article, the cosine of its closest example to the query; only for the candidates, 0 for the rest. */
    double[] closest(String query, int[] candidates) {
        Sparse q = weigh(termCounts(query), vocabulary, idf);
        double[] best = new double[rowsByArticle.length];
        for (int article : candidates) {
            for (int row : rowsByArticle[article]) {
                best[article] = Math.max(best[article], dot(q, row));
            }
        }
        return best;
    }

    private double dot(Sparse q, int row) {
        int[] a = q.terms();
        int[] b = terms[row];
        float[] wb = weights[row];
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                sum += q.weights()[i++] * wb[j++];
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** A sparse L2-normalised vector, term ids ascending. */
    private record Sparse(int[] terms, float[] weights) {
    }

    private static Sparse weigh(Map<String, Integer> tf, Map<String, Integer> vocabulary, float[] idf) {
        int[] ids = tf.keySet().stream().map(vocabulary::get).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).sorted().toArray();
        Map<Integer, Integer> countById = new HashMap<>();
        tf.forEach((term, count) -> {
            Integer id = vocabulary.get(term);
            if (id != null) {
                countById.put(id, count);
            }
        });
        float[] w = new float[ids.length];
        double norm = 0;
        for (int i = 0; i < ids.length; i++) {
            w[i] = (float) ((1 + Math.log(countById.get(ids[i]))) * idf[ids[i]]);
            norm += w[i] * w[i];
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale;
            }
        }
        return new Sparse(ids, w);
    }

    static Map<String, Integer> termCounts(String text) {
        String normal = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        String[] words = Arrays.stream(normal.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        Map<String, Integer> tf = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            tf.merge("w " + words[i], 1, Integer::sum);
            if (i > 0) {
                tf.merge("b " + words[i - 1] + " " + words[i], 1, Integer::sum);
            }
            String padded = " " + words[i] + " ";
            for (int n = 3; n <= 5; n++) {
                for (int s = 0; s + n <= padded.length(); s++) {
                    tf.merge("c " + padded.substring(s, s + n), 1, Integer::sum);
                }
            }
        }
        return tf;
    }
}
