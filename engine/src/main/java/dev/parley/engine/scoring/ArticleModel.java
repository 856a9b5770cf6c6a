package dev.parley.engine.scoring;

import java.util.List;

/**
 * The trained base models over one set of articles (classes): the classifier, the example index, the
 * per-article Gaussians and the lexical index.
 */
public final class ArticleModel implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final SoftmaxClassifier classifier;
    private final ExampleIndex index;
    private final GaussianModel gaussians;
    private final LexicalIndex lexical;
    private final double lexicalWeight;

    private ArticleModel(SoftmaxClassifier classifier, ExampleIndex index, GaussianModel gaussians, LexicalIndex lexical,
            double lexicalWeight) {
        this.classifier = classifier;
        this.index = index;
        this.gaussians = gaussians;
        this.lexical = lexical;
        this.lexicalWeight = lexicalWeight;
    }

    /**
     * @param lexicalWeight weight of the lexical term in the ranking: {@link Ranking#LEXICAL_WEIGHT} for articles
     *        with example questions, {@link Ranking#PROSE_LEXICAL_WEIGHT} when they are matched by their prose
     */
    static ArticleModel train(List<String> texts, List<float[]> vectors, int[] labels, int classes,
            SoftmaxClassifier.Training training, double lexicalWeight) {
        SoftmaxClassifier classifier = SoftmaxClassifier.train(vectors, labels, classes, training);
        return new ArticleModel(classifier, new ExampleIndex(vectors, labels, classes),
                GaussianModel.train(vectors, labels, classes), LexicalIndex.build(texts, labels, classes), lexicalWeight);
    }

    /** How many of the classifier's best articles are searched for their closest example. */
    static final int NEIGHBOUR_CANDIDATES = 20;

    Ranking.Ranked rank(String text, float[] query) {
        return rank(text, query, null);
    }

    /**
     * Ranks only the articles {@code allowed} marks (all when null): the classifier's probability is
     * renormalised over them and only their examples are searched.
     */
    Ranking.Ranked rank(String text, float[] query, boolean[] allowed) {
        double[] probabilities = classifier.probabilities(query);
        if (allowed != null) {
            double kept = 0;
            for (int a = 0; a < probabilities.length; a++) {
                probabilities[a] = allowed[a] ? probabilities[a] : 0;
                kept += probabilities[a];
            }
            for (int a = 0; a < probabilities.length && kept > 0; a++) {
                probabilities[a] /= kept;
            }
        }
        int[] searched = Ranking.topIndices(probabilities, NEIGHBOUR_CANDIDATES);
        if (allowed != null) {
            searched = java.util.Arrays.stream(searched).filter(a -> allowed[a]).toArray();
        }
        ExampleIndex.Neighbours neighbours = index.closest(query, searched);
        return Ranking.rank(probabilities, neighbours, gaussians.distances(query, allowed), lexical.view(text),
                article -> index.centroidSimilarity(query, article), lexicalWeight);
    }
}
