package dev.parley.assistant.internal.eval;

import java.time.Instant;
import java.util.List;

/**
 * A test-bench run: one row per question as the production pipeline decided it, and, when questions name the
 * article they expect, the aggregate figures, the threshold that would reach the target precision, the questions
 * that were right in the set's previous run and are not any more, and the expected article ids that name no
 * published article (a typo, or an article deleted or unpublished since the set was saved).
 */
public record BenchReport(List<Row> rows, Summary summary, List<String> regressions, List<String> unknownArticles,
        long knowledgeVersion, double currentThreshold, Instant ranAt) {

    /** What the assistant did with one question; {@code right} is null for unlabelled questions. */
    public record Row(String question, String expected, boolean labelled, String articleId, String articleTitle,
            double confidence, boolean escalates, String reason, String answer, Boolean right) {
    }

    /**
     * Figures over the labelled questions (as the eval command reports them); {@code suggestedThreshold} reaches
     * {@code targetPrecision} on this set when {@code reached}.
     */
    public record Summary(int labelled, int inScope, int outOfScope, double top1, double deflection, Double precision,
            Double outOfScopeRecall, double targetPrecision, double suggestedThreshold, double expectedPrecision,
            boolean reached) {
    }
}
