package dev.parley.engine.eval;

import java.util.List;

/**
 * Picks the confidence threshold on a labelled file: the lowest one whose precision reaches the
 * target. Precision is computed from the class-conditional rates (how often an answered in-scope
 * question is right, how often an out-of-scope one gets through) at an out-of-scope share of at least
 * {@code assumedOutOfScopeShare}, so the threshold holds when more out-of-scope questions arrive than
 * the file has. Files without out-of-scope questions use plain in-scope precision. Optionally the
 * threshold must also escalate at least a given share of the file's out-of-scope questions.
 */
public record ThresholdCalibration(double threshold, double expectedPrecision, double outOfScopeShare, boolean reached) {

    public static ThresholdCalibration pick(List<Scored> results, double targetPrecision, double assumedOutOfScopeShare) {
        return pick(results, targetPrecision, assumedOutOfScopeShare, 0);
    }

    public static ThresholdCalibration pick(List<Scored> results, double targetPrecision, double assumedOutOfScopeShare,
            double minOutOfScopeRecall) {
        long inScope = results.stream().filter(Scored::inScope).count();
        long outOfScope = results.size() - inScope;
        double share = outOfScope == 0 ? 0
                : Math.max(assumedOutOfScopeShare, (double) outOfScope / results.size());
        double[] candidates = Metrics.sortedConfidences(results);
        double bestPrecision = 0;
        double bestThreshold = 1;
        for (double t : candidates) {
            double precision = precision(results, t, inScope, outOfScope, share);
            if (precision >= targetPrecision && outOfScopeRecall(results, t, outOfScope) >= minOutOfScopeRecall) {
                return new ThresholdCalibration(t, precision, share, true);
            }
            if (precision > bestPrecision) {
                bestPrecision = precision;
                bestThreshold = t;
            }
        }
        return new ThresholdCalibration(bestThreshold, bestPrecision, share, false);
    }

    static double outOfScopeRecall(List<Scored> results, double t, long outOfScope) {
        if (outOfScope == 0) {
            return 1;
        }
        return results.stream().filter(r -> !r.inScope() && r.confidence() < t).count() / (double) outOfScope;
    }

    static double precision(List<Scored> results, double t, long inScope, long outOfScope, double share) {
        double right = 0;
        double wrong = 0;
        double leaked = 0;
        for (Scored r : results) {
            if (r.confidence() < t) {
                continue;
            }
            if (!r.inScope()) {
                leaked++;
            } else if (r.bestIsRight()) {
                right++;
            } else {
                wrong++;
            }
        }
        double rightRate = inScope == 0 ? 0 : right / inScope;
        double wrongRate = inScope == 0 ? 0 : wrong / inScope;
        double leakRate = outOfScope == 0 ? 0 : leaked / outOfScope;
        double answered = (1 - share) * (rightRate + wrongRate) + share * leakRate;
        return answered == 0 ? 0 : (1 - share) * rightRate / answered;
    }
}
