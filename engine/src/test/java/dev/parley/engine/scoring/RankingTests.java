package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankingTests {

    @Test
    void findsTheLargestValuesBestFirst() {
        double[] values = {0.1, 0.9, 0.3, 0.7, 0.5, 0.2};
        assertThat(Ranking.topIndices(values, 3)).containsExactly(1, 3, 4);
        assertThat(Ranking.topIndices(values, 10)).containsExactly(1, 3, 4, 2, 5, 0);
    }

    @Test
    void poolsClassifierAndSimilaritiesAndReportsTheFeaturesOfTheBest() {
        double[] classifier = {0.6, 0.3, 0.1};
        double[] closest = {0.70, 0.85, -1};
        var distances = new GaussianModel.Distances(new double[] {1.2, 0.9, 0.8}, 4);
        Ranking.Lexical lexical = new Ranking.Lexical() {
            @Override
            public double[] closest(int[] candidates) {
                return new double[] {0.2, 0.6, 0};
            }

            @Override
            public double uncovered(int article) {
                return article == 1 ? 0.25 : 1;
            }

            @Override
            public double wordLikelihood(int article) {
                return article == 1 ? 1.5 : -2;
            }

            @Override
            public int words() {
                return 6;
            }
        };
        var ranked = Ranking.rank(classifier, new ExampleIndex.Neighbours(closest, 0.6), distances, lexical,
                article -> article * 0.4);
        // the closer example and better lexical match outweigh the classifier's preference
        assertThat(ranked.best()).isEqualTo(1);
        assertThat(ranked.runnerUp()).isEqualTo(0);
        ScoreFeatures f = ranked.features();
        assertThat(f.similarity()).isEqualTo(0.85);
        assertThat(f.bestSimilarity()).isEqualTo(0.85);
        assertThat(f.agreement()).isEqualTo(1);
        assertThat(f.lexicalSimilarity()).isEqualTo(0.6);
        assertThat(f.classifierProbability()).isEqualTo(0.3);
        assertThat(f.probability()).isBetween(0.5, 1.0);
        assertThat(f.margin()).isPositive();
        assertThat(f.distance()).isEqualTo(0.9);
        assertThat(f.nearestDistance()).isEqualTo(0.8);
        assertThat(f.gaussianProbability()).isBetween(0.0, 0.5);
        assertThat(f.kthSimilarity()).isEqualTo(0.6);
        assertThat(f.uncovered()).isEqualTo(0.25);
        assertThat(f.centroidSimilarity()).isEqualTo(0.4);
        assertThat(f.wordLikelihood()).isEqualTo(1.5);
        assertThat(f.words()).isEqualTo(Math.log(7));
    }
}
