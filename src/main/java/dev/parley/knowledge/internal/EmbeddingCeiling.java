package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.TextEmbeddings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most questions per second the embedding model alone manages at a given concurrency: that many virtual
 * threads (as the web server's requests are) each embed one question after another for a while. Every question
 * is numbered like the load harness numbers its messages, so none is served from the embedding cache.
 */
public final class EmbeddingCeiling {

    /** One concurrency's figures; latencies in milliseconds. */
    public record Level(int concurrency, long questions, double perSecond, double p50, double p99) {
    }

    private final TextEmbeddings embeddings;
    private final List<String> questions;
    private final AtomicLong unique = new AtomicLong();

    public EmbeddingCeiling(TextEmbeddings embeddings, List<String> questions) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions to embed");
        }
        this.embeddings = embeddings;
        this.questions = List.copyOf(questions);
    }

    public Level measure(int concurrency, Duration duration) throws InterruptedException {
        List<long[]> perCaller = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                long[] times = new long[1 << 16];
                perCaller.add(times);
                callers.submit(() -> {
                    try {
                        int n = 1;
                        while (System.nanoTime() < end && n < times.length) {
                            long t0 = System.nanoTime();
                            embeddings.embed(nextQuestion());
                            times[n++] = System.nanoTime() - t0;
                        }
                        times[0] = n - 1;
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perCaller.stream().flatMapToLong(t -> java.util.Arrays.stream(t, 1, 1 + (int) t[0]))
                .sorted().toArray();
        return new Level(concurrency, all.length, all.length / seconds, percentile(all, 50), percentile(all, 99));
    }

    /** The question as the load harness sends it: an example question with a number that makes it unique. */
    String nextQuestion() {
        long n = unique.incrementAndGet();
        return questions.get((int) (n % questions.size())) + " (ref " + n + ")";
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
