package dev.parley.analytics.internal;

/**
 * Log-scale buckets for durations: each bucket spans about 10%, so percentiles read from the
 * histogram are within about 5% of the true value, whatever the range.
 */
final class DurationBuckets {

    static final double BASE = 1.1;
    private static final double LOG_BASE = Math.log(BASE);

    private DurationBuckets() {
    }

    static int bucketOf(long seconds) {
        return (int) Math.floor(Math.log1p(Math.max(0, seconds)) / LOG_BASE);
    }

    /** The geometric middle of a bucket, in seconds: the estimate for any value inside it. */
    static double representative(int bucket) {
        double low = Math.pow(BASE, bucket) - 1;
        double high = Math.pow(BASE, bucket + 1) - 1;
        return Math.max(0, Math.sqrt((low + 1) * (high + 1)) - 1);
    }
}
