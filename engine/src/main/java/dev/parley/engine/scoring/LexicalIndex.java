package dev.parley.engine.scoring;

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
final class LexicalIndex implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final int[][] terms;
    private final float[][] weights;
    private final int[][] rowsByArticle;
    /** Per term, how many texts use it. */
    private final int[] documentFrequency;

    private LexicalIndex(Map<String, Integer> vocabulary, float[] idf, int[][] terms, float[][] weights,
            int[][] rowsByArticle, int[] documentFrequency) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.terms = terms;
        this.weights = weights;
        this.rowsByArticle = rowsByArticle;
        this.documentFrequency = documentFrequency;
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
        return new LexicalIndex(vocabulary, idf, terms, weights, ExampleIndex.rowsByArticle(owner, articles),
                documentFrequency.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The index's view of one question, which analyses the question once for both of its measures (the
     * question's terms are a few hundred word, word-pair and character n-grams).
     */
    Ranking.Lexical view(String query) {
        Map<String, Integer> tf = termCounts(query);
        Sparse q = weigh(tf, vocabulary, idf);
        return new Ranking.Lexical() {
            @Override
            public double[] closest(int[] candidates) {
                return LexicalIndex.this.closest(q, candidates);
            }

            @Override
            public double uncovered(int article) {
                return LexicalIndex.this.uncovered(tf.keySet(), article);
            }

            @Override
            public double wordLikelihood(int article) {
                return LexicalIndex.this.wordLikelihood(tf.keySet(), article);
            }

            @Override
            public int words() {
                return (int) tf.keySet().stream().filter(term -> term.startsWith("w ")).count();
            }
        };
    }

    /** Per article, the cosine of its closest example to the query; only for the candidates, 0 for the rest. */
    private double[] closest(Sparse q, int[] candidates) {
        double[] best = new double[rowsByArticle.length];
        for (int article : candidates) {
            for (int row : rowsByArticle[article]) {
                best[article] = Math.max(best[article], dot(q, row));
            }
        }
        return best;
    }

    /**
     * The IDF-weighted share of the query's words that appear in none of the article's texts (words the knowledge
     * base has never seen weigh most): high when the question is about something the article does not mention.
     */
    private double uncovered(java.util.Set<String> queryTerms, int article) {
        double total = 0;
        double missing = 0;
        double unseen = Math.log(terms.length + 1.0) + 1;
        for (String term : queryTerms) {
            if (!term.startsWith("w ")) {
                continue;
            }
            Integer id = vocabulary.get(term);
            double weight = id == null ? unseen : idf[id];
            total += weight;
            if (id == null || !mentions(article, id)) {
                missing += weight;
            }
        }
        return total == 0 ? 0 : missing / total;
    }

    /**
     * The mean, over the query's words, of log(share of the article's texts using the word / share of all texts using
     * it), both add-½ smoothed as in naive Bayes; 0 for a query without words.
     */
    private double wordLikelihood(java.util.Set<String> queryTerms, int article) {
        int[] rows = rowsByArticle[article];
        double sum = 0;
        int words = 0;
        for (String term : queryTerms) {
            if (!term.startsWith("w ")) {
                continue;
            }
            Integer id = vocabulary.get(term);
            int inArticle = 0;
            if (id != null) {
                for (int row : rows) {
                    if (Arrays.binarySearch(terms[row], id) >= 0) {
                        inArticle++;
                    }
                }
            }
            int inAll = id == null ? 0 : documentFrequency[id];
            sum += Math.log((inArticle + 0.5) / (rows.length + 1.0)) - Math.log((inAll + 0.5) / (terms.length + 1.0));
            words++;
        }
        return words == 0 ? 0 : sum / words;
    }

    private boolean mentions(int article, int term) {
        for (int row : rowsByArticle[article]) {
            if (Arrays.binarySearch(terms[row], term) >= 0) {
                return true;
            }
        }
        return false;
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
