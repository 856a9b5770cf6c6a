package dev.parley.assistant.internal.scoring;

/**
 * The two base models' views of a query, combined: the classifier's probabilities and each article's
 * closest-example similarity. A temperature turns similarities into a second distribution, and the
 * ensemble is their product (a log-linear pool), renormalised.
 */
final class Ranking {

    static final double SIMILARITY_TEMPERATURE = Double.parseDouble(System.getProperty("x.temp", "0.05"));
    static final double CLASSIFIER_WEIGHT = Double.parseDouble(System.getProperty("x.cw", "1.0"));
    static final double NEIGHBOUR_WEIGHT = Double.parseDouble(System.getProperty("x.nw", "1.0"));

    private Ranking() {
    }

    static Ranked rank(double[] classifier, double[] closest) {
        int n = classifier.length;
        double[] logits = new double[n];
        for (int a = 0; a < n; a++) {
            logits[a] = CLASSIFIER_WEIGHT * Math.log(Math.max(classifier[a], 1e-12))
                    + NEIGHBOUR_WEIGHT * closest[a] / SIMILARITY_TEMPERATURE;
        }
        Vectors.softmaxInPlace(logits);
        int[] top = Vectors.top2(logits);
        int nearest = Vectors.top2(closest)[0];
        double runnerUp = top[1] < 0 ? 0 : logits[top[1]];
        double bestSimilarity = closest[nearest];
        ScoreFeatures features = new ScoreFeatures(logits[top[0]], logits[top[0]] - runnerUp,
                closest[top[0]], bestSimilarity, nearest == top[0] ? 1 : 0);
        return new Ranked(top[0], top[1], features);
    }

    record Ranked(int best, int runnerUp, ScoreFeatures features) {
    }
}
