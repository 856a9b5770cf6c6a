package dev.parley.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalIndexTests {

    private final LexicalIndex index = LexicalIndex.build(
            List.of("where is my parcel", "my parcel has not arrived", "how do I reset my password",
                    "I forgot my password"),
            new int[] {0, 0, 1, 1}, 2);

    @Test
    void theClosestExampleOfEachCandidateScoresAndOthersScoreNothing() {
        double[] closest = index.view("where is my parcel?").closest(new int[] {0});
        assertThat(closest[0]).isGreaterThan(0.99);
        assertThat(closest[1]).isZero();
    }

    @Test
    void aQuestionInTheArticlesOwnWordsLeavesNothingUncovered() {
        assertThat(index.view("Where is my parcel?").uncovered(0)).isZero();
    }

    @Test
    void wordsTheArticleNeverUsesAreUncoveredAndUnknownWordsWeighMost() {
        double otherArticlesWord = index.view("my parcel password").uncovered(0);
        double unknownWord = index.view("my parcel swallowed").uncovered(0);
        assertThat(otherArticlesWord).isBetween(0.0, 1.0).isPositive();
        assertThat(unknownWord).isGreaterThan(otherArticlesWord);
        assertThat(index.view("swallowed").uncovered(0)).isEqualTo(1.0);
        assertThat(index.view("?!").uncovered(0)).isZero();
    }

    @Test
    void wordsTypicalOfTheArticleRaiseTheLikelihoodAndWordsOfAnotherArticleLowerIt() {
        double ownWords = index.view("my parcel has not arrived").wordLikelihood(0);
        double otherArticlesWords = index.view("reset password").wordLikelihood(0);
        assertThat(ownWords).isPositive();
        assertThat(otherArticlesWords).isNegative();
        // "parcel" is in both of article 0's texts (2.5/3 smoothed) and in 2 of the 4 texts (2.5/5)
        assertThat(index.view("parcel").wordLikelihood(0)).isCloseTo(Math.log((2.5 / 3) / (2.5 / 5)),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(index.view("?!").wordLikelihood(0)).isZero();
    }

    @Test
    void countsTheQuestionsDistinctWords() {
        assertThat(index.view("Where is my parcel, my parcel?").words()).isEqualTo(4);
        assertThat(index.view("?!").words()).isZero();
    }
}
