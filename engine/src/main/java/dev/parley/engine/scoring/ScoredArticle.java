package dev.parley.engine.scoring;

/** The scorer's best article for a question, with the calibrated probability that it answers it. */
public record ScoredArticle<A extends TrainingArticle>(A article, double confidence, ScoreFeatures features) {
}
