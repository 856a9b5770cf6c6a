package dev.parley.engine.scoring;

import java.util.function.IntToDoubleFunction;

/**
 * The base models' views of a query, combined: the classifier's probabilities, each article's
 * closest-example similarity in embedding space and in TF-IDF space. Temperatures turn similarities
 * into distributions, and the ensemble is their weighted product (a log-linear pool), renormalised.
 */
final class Ranking {

    static final double SIMILARITY_TEMPERATURE = 0.05;
    static final double LEXICAL_TEMPERATURE = 0.1;
    static final double CLASSIFIER_WEIGHT = 1.0;
    static final double NEIGHBOUR_WEIGHT = 1.0;
    static final double LEXICAL_WEIGHT = 0.3;
    /** Articles without example questions are matched by their prose, where word overlap (as in BM25) counts more. */
    static final double PROSE_LEXICAL_WEIGHT = 1.0;

    private Ranking() {
    }

    /** How many of the best articles by the embedding models get a lexical score too. */
    static final int CANDIDATES = 10;

    /** The lexical index's view of one question (see {@link LexicalIndex#view}). */
    interface Lexical {

        /** Per article, the TF-IDF cosine of its closest example; for the candidates only, 0 for the rest. */
        double[] closest(int[] candidates);

        /** The IDF-weighted share of the question's words that the article's texts never use. */
        double uncovered(int article);

        /** The mean log-ratio of the question's words' shares in the article's texts and in all texts. */
        double wordLikelihood(int article);

        /** How many distinct words the question has. */
        int words();
    }

    /**
     * @param distances the question's Mahalanobis distances to the articles: not part of the ranking (as a
     *        pool term they cost top-1 accuracy), only features that tell out-of-scope questions apart
     */
    static Ranked rank(double[] classifier, ExampleIndex.Neighbours neighbours, GaussianModel.Distances distances,
            Lexical lexicalView, IntToDoubleFunction centroidSimilarity) {
        return rank(classifier, neighbours, distances, lexicalView, centroidSimilarity, LEXICAL_WEIGHT);
    }

    /** @param centroidSimilarity the question's cosine similarity to an article's centre */
    static Ranked rank(double[] classifier, ExampleIndex.Neighbours neighbours, GaussianModel.Distances distances,
            Lexical lexicalView, IntToDoubleFunction centroidSimilarity, double lexicalWeight) {
        double[] closest = neighbours.closest();
        int n = classifier.length;
        double[] logits = new double[n];
        for (int a = 0; a < n; a++) {
            logits[a] = CLASSIFIER_WEIGHT * Math.log(Math.max(classifier[a], 1e-12))
                    + NEIGHBOUR_WEIGHT * closest[a] / SIMILARITY_TEMPERATURE;
        }
        double[] lexical = lexicalView.closest(topIndices(logits, CANDIDATES));
        for (int a = 0; a < n; a++) {
            logits[a] += lexicalWeight * lexical[a] / LEXICAL_TEMPERATURE;
        }
        Vectors.softmaxInPlace(logits);
        int[] top = Vectors.top2(logits);
        int nearest = Vectors.top2(closest)[0];
        double runnerUp = top[1] < 0 ? 0 : logits[top[1]];
        double bestSimilarity = closest[nearest];
        ScoreFeatures features = new ScoreFeatures(logits[top[0]], logits[top[0]] - runnerUp,
                closest[top[0]], bestSimilarity, nearest == top[0] ? 1 : 0, lexical[top[0]], classifier[top[0]],
                distances.of(top[0]), distances.nearest(), distances.posterior(top[0]), neighbours.kth(),
                lexicalView.uncovered(top[0]), centroidSimilarity.applyAsDouble(top[0]),
                lexicalView.wordLikelihood(top[0]), Math.log1p(lexicalView.words()));
        return new Ranked(top[0], top[1], features);
    }

    /** Indices of the k largest values, best first (insertion into a short sorted list; no boxing). */
    static int[] topIndices(double[] values, int k) {
        int size = Math.min(k, values.length);
        int[] top = new int[size];
        int filled = 0;
        for (int i = 0; i < values.length; i++) {
            if (filled == size && values[i] <= values[top[size - 1]]) {
                continue;
            }
            int position = filled < size ? filled++ : size - 1;
            while (position > 0 && values[top[position - 1]] < values[i]) {
                top[position] = top[position - 1];
                position--;
            }
            top[position] = i;
        }
        return top;
    }

    record Ranked(int best, int runnerUp, ScoreFeatures features) {
    }
}
