package dev.parley.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DurationBucketsTests {

    @Test
    void everyValueFallsInsideTheBucketItIsFiledUnder() {
        for (long seconds : new long[] {0, 1, 2, 9, 10, 59, 60, 3_599, 86_400, 2_592_000}) {
            int bucket = DurationBuckets.bucketOf(seconds);
            assertThat(Math.pow(DurationBuckets.BASE, bucket) - 1).isLessThanOrEqualTo(seconds + 1e-9);
            assertThat(Math.pow(DurationBuckets.BASE, bucket + 1) - 1).isGreaterThan(seconds);
        }
    }

    @Test
    void percentilesReadFromTheHistogramAreWithinFivePercent() {
        Random random = new Random(7);
        long[] values = new long[20_000];
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = 30 + (long) Math.abs(random.nextGaussian() * 600);
            histogram.merge(DurationBuckets.bucketOf(values[i]), 1L, Long::sum);
        }
        java.util.Arrays.sort(values);
        double median = values[values.length / 2];
        double p90 = values[(int) (values.length * 0.9)];
        assertThat(RollupQueries.quantile(histogram, values.length, 0.5)).isCloseTo(median, within(median * 0.05));
        assertThat(RollupQueries.quantile(histogram, values.length, 0.9)).isCloseTo(p90, within(p90 * 0.05));
    }
}
