package dev.parley.assistant.internal.scoring;

/**
 * What the scorer saw for its best article; the calibrator turns these into a confidence.
 *
 * @param probability the ensemble probability of the best article
 * @param margin its lead over the runner-up
 * @param similarity cosine similarity of the best article's closest example
 * @param bestSimilarity the highest example similarity of any article
 * @param agreement 1 when the classifier and the nearest example pick the same article
 * @param lexicalSimilarity TF-IDF cosine similarity of the best article's closest example
 * @param classifierProbability the classifier's own probability for the best article
 */
public record ScoreFeatures(double probability, double margin, double similarity, double bestSimilarity,
        double agreement, double lexicalSimilarity, double classifierProbability) {

    /** The calibrator's inputs: the features, two logs and a few products (so it can bend without overfitting). */
    double[] vector() {
        return new double[] {probability, margin, similarity, bestSimilarity, agreement,
            Math.log(Math.max(probability, 1e-9)), lexicalSimilarity, classifierProbability,
            similarity * similarity, similarity * classifierProbability, margin * agreement,
            Math.log(Math.max(classifierProbability, 1e-9))};
    }

    static int size() {
        return 12;
    }
}
