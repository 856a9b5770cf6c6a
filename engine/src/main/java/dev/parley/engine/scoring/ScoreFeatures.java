package dev.parley.engine.scoring;

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
 * @param distance Mahalanobis distance of the question to the best article's examples (see {@link GaussianModel})
 * @param nearestDistance the smallest such distance to any article
 * @param gaussianProbability the best article's posterior under the Gaussians alone (equal priors)
 * @param kthSimilarity the k-th highest example similarity among the candidate articles' examples
 * @param uncovered the IDF-weighted share of the question's words that the best article's texts never use
 * @param centroidSimilarity cosine similarity of the question to the best article's centre (the mean direction of its
 *        examples): how typical it is of the article as a whole, where {@code similarity} looks at one example
 * @param wordLikelihood the mean, over the question's words, of the log-ratio between the share of the best article's
 *        texts and the share of all texts that use the word (add-½ smoothed, as in naive Bayes): low when the
 *        question's words are typical of other articles than the best one, as words of a neighbouring topic the
 *        knowledge base does not cover tend to be
 * @param words log(1 + the question's number of distinct words): a long question is less similar to any short
 *        example than a short one, so the calibrator reads similarities in the light of the length
 */
public record ScoreFeatures(double probability, double margin, double similarity, double bestSimilarity,
        double agreement, double lexicalSimilarity, double classifierProbability, double distance,
        double nearestDistance, double gaussianProbability, double kthSimilarity, double uncovered,
        double centroidSimilarity, double wordLikelihood, double words) {

    /** The calibrator's inputs: the features, two logs and a few products (so it can bend without overfitting). */
    double[] vector() {
        return new double[] {probability, margin, similarity, bestSimilarity, agreement,
            Math.log(Math.max(probability, 1e-9)), lexicalSimilarity, classifierProbability,
            similarity * similarity, similarity * classifierProbability, margin * agreement,
            Math.log(Math.max(classifierProbability, 1e-9)), distance, nearestDistance, gaussianProbability,
            kthSimilarity, uncovered, centroidSimilarity, wordLikelihood, words};
    }

    static int size() {
        return 20;
    }
}
