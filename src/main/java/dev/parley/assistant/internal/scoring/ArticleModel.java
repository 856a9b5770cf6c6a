package dev.parley.assistant.internal.scoring;

import java.util.List;

/** The trained base models over one set of articles (classes): the classifier and the example index. */
final class ArticleModel {

    private final SoftmaxClassifier classifier;
    private final ExampleIndex index;
    private final LexicalIndex lexical;
    private final double lexicalWeight;

    private ArticleModel(SoftmaxClassifier classifier, ExampleIndex index, LexicalIndex lexical, double lexicalWeight) {
        this.classifier = classifier;
        this.index = index;
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
                LexicalIndex.build(texts, labels, classes), lexicalWeight);
    }

    /** How many of the classifier's best articles are searched for their closest example. */
    static final int NEIGHBOUR_CANDIDATES = 20;

    Ranking.Ranked rank(String text, float[] query) {
        double[] probabilities = classifier.probabilities(query);
        double[] closest = index.closest(query, Ranking.topIndices(probabilities, NEIGHBOUR_CANDIDATES));
        return Ranking.rank(probabilities, closest, candidates -> lexical.closest(text, candidates), lexicalWeight);
    }
}
