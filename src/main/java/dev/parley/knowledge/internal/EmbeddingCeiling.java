package dev.parley.knowledge.internal;

import dev.parley.engine.eval.Metrics;
import dev.parley.engine.runtime.TextEmbeddings;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.DoubleStream;

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
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Callable<double[]> caller = () -> {
            DoubleStream.Builder millis = DoubleStream.builder();
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                embeddings.embed(nextQuestion());
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            return millis.build().toArray();
        };
        List<Future<double[]>> callers;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            callers = pool.invokeAll(Collections.nCopies(concurrency, caller));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        DoubleStream.Builder all = DoubleStream.builder();
        for (Future<double[]> one : callers) {
            try {
                for (double millis : one.get()) {
                    all.add(millis);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding failed", e.getCause());
            }
        }
        double[] sorted = all.build().sorted().toArray();
        return new Level(concurrency, sorted.length, sorted.length / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    /** The question as the load harness sends it: an example question with a number that makes it unique. */
    String nextQuestion() {
        long n = unique.incrementAndGet();
        return questions.get((int) (n % questions.size())) + " (ref " + n + ")";
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : Metrics.percentile(sorted, p);
    }
}
