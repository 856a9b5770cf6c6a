package dev.parley.assistant.internal.scoring;

import dev.parley.knowledge.KnowledgeArticle;

/** The scorer's best article for a question, with the calibrated probability that it answers it. */
public record ScoredArticle(KnowledgeArticle article, double confidence, ScoreFeatures features) {
}
