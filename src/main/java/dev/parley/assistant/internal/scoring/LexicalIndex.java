package dev.parley.assistant.internal.scoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lexical nearest-example search: TF-IDF over words, word pairs and character 3-5-grams (robust to
 * typos and inflection), cosine similarity through an inverted index. Complements the embeddings on
 * rare words, codes and product names.
 */
final class LexicalIndex {

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final int[][] postingRows;
    private final float[][] postingWeights;
    private final int[] owner;
    private final int articles;

    private LexicalIndex(Map<String, Integer> vocabulary, float[] idf, int[][] rows, float[][] weights, int[] owner,
            int articles) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.postingRows = rows;
        this.postingWeights = weights;
        this.owner = owner;
        this.articles = articles;
    }

    static LexicalIndex build(List<String> texts, int[] owner, int articles) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Map<String, Integer>> counts = new ArrayList<>(texts.size());
        List<Integer> documentFrequency = new ArrayList<>();
        for (String text : texts) {
            Map<String, Integer> tf = terms(text);
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
        List<List<int[]>> postings = new ArrayList<>();
        List<List<Float>> weights = new ArrayList<>();
        for (int t = 0; t < idf.length; t++) {
            postings.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        for (int row = 0; row < counts.size(); row++) {
            Map<Integer, Float> vector = weigh(counts.get(row), vocabulary, idf);
            for (var entry : vector.entrySet()) {
                postings.get(entry.getKey()).add(new int[] {row});
                weights.get(entry.getKey()).add(entry.getValue());
            }
        }
        int[][] rows = new int[idf.length][];
        float[][] w = new float[idf.length][];
        for (int t = 0; t < idf.length; t++) {
            rows[t] = postings.get(t).stream().mapToInt(a -> a[0]).toArray();
            w[t] = new float[rows[t].length];
            for (int i = 0; i < rows[t].length; i++) {
                w[t][i] = weights.get(t).get(i);
            }
        }
        return new LexicalIndex(vocabulary, idf, rows, w, owner.clone(), articles);
    }

    /** For each article, the TF-IDF cosine similarity of its closest example to the query. */
    double[] closestPerArticle(String query) {
        double[] scores = new double[owner.length];
        for (var entry : weigh(terms(query), vocabulary, idf).entrySet()) {
            int[] rows = postingRows[entry.getKey()];
            float[] w = postingWeights[entry.getKey()];
            float q = entry.getValue();
            for (int i = 0; i < rows.length; i++) {
                scores[rows[i]] += q * w[i];
            }
        }
        double[] best = new double[articles];
        for (int row = 0; row < owner.length; row++) {
            best[owner[row]] = Math.max(best[owner[row]], scores[row]);
        }
        return best;
    }

    private static Map<Integer, Float> weigh(Map<String, Integer> tf, Map<String, Integer> vocabulary, float[] idf) {
        Map<Integer, Float> vector = new HashMap<>();
        double norm = 0;
        for (var entry : tf.entrySet()) {
            Integer id = vocabulary.get(entry.getKey());
            if (id != null) {
                float weight = (float) ((1 + Math.log(entry.getValue())) * idf[id]);
                vector.put(id, weight);
                norm += weight * weight;
            }
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            vector.replaceAll((k, v) -> v * scale);
        }
        return vector;
    }

    static Map<String, Integer> terms(String text) {
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
