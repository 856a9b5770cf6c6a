package dev.parley.engine.eval;

import java.util.Arrays;
import java.util.List;

/**
 * The eval report's numbers over one question set.
 *
 * @param top1Accuracy in-scope questions whose best article is right
 * @param deflection in-scope questions answered correctly / all in-scope
 * @param precision correct answers / all answers (an answered out-of-scope question is wrong)
 * @param oosRecall out-of-scope questions escalated / all out-of-scope (null when there are none)
 * @param ece expected calibration error of the confidence against "the best article is right", 10 bins
 */
public record Metrics(int n, int inScope, int outOfScope, int answered, double top1Accuracy, double threshold,
        double deflection, Double precision, Double oosRecall, double ece, double latencyMsP50,
        double latencyMsP95) {

    public static Metrics of(List<Scored> results, double threshold) {
        int inScope = (int) results.stream().filter(Scored::inScope).count();
        int outOfScope = results.size() - inScope;
        int answered = (int) results.stream().filter(Scored::answered).count();
        long top1 = results.stream().filter(Scored::bestIsRight).count();
        long right = results.stream().filter(Scored::answeredRight).count();
        long oosEscalated = results.stream().filter(r -> !r.inScope() && !r.answered()).count();
        double[] latency = results.stream().mapToDouble(Scored::millis).sorted().toArray();
        return new Metrics(results.size(), inScope, outOfScope, answered, ratio(top1, inScope), threshold,
                ratio(right, inScope), answered == 0 ? null : ratio(right, answered),
                outOfScope == 0 ? null : ratio(oosEscalated, outOfScope), ece(results),
                percentile(latency, 0.50), percentile(latency, 0.95));
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ece(List<Scored> results) {
        double[] confidence = new double[10];
        double[] right = new double[10];
        int[] count = new int[10];
        for (Scored r : results) {
            int bin = Math.min(9, (int) (r.confidence() * 10));
            confidence[bin] += r.confidence();
            right[bin] += r.bestIsRight() ? 1 : 0;
            count[bin]++;
        }
        double error = 0;
        for (int b = 0; b < 10; b++) {
            error += count[b] == 0 ? 0 : Math.abs(confidence[b] - right[b]) / results.size();
        }
        return error;
    }

    public static double[] sortedConfidences(List<Scored> results) {
        double[] c = results.stream().mapToDouble(Scored::confidence).toArray();
        Arrays.sort(c);
        return c;
    }
}
