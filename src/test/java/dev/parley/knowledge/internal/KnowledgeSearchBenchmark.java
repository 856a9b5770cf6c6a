package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.OnnxTextEmbeddings;
import dev.parley.engine.runtime.TextEmbeddings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Knowledge search latency over 100,000 synthetic articles (target p95 <= 20 ms). Embedding 300,000 texts
 * would take ~15 minutes here, so a pool of real customer phrasings from the shared data sets is embedded
 * with the real model and every synthetic text gets its pool text's vector plus small random noise.
 * Queries are real dev questions, embedded for real at query time (cold cache), so the timing covers the
 * query embedding, BM25, KNN and fusion. Run with {@code bench/knowledge-search.sh}.
 */
@Tag("benchmark")
class KnowledgeSearchBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DATA = Path.of("/work/shared/datasets");

    public static void main(String[] args) throws Exception {
        new KnowledgeSearchBenchmark().searchLatency();
    }

    @Test
    void searchLatency() throws Exception {
        int articles = Integer.getInteger("bench.articles", 100_000);
        int pool = Integer.getInteger("bench.pool", 2_000);
        var model = new OnnxTextEmbeddings(new BgeSmallEmbeddingModel(), 10_000);
        List<String> texts = phrasings(pool);
        long t0 = System.nanoTime();
        List<float[]> vectors = model.embedAll(texts);
        log("embedded a pool of %d real phrasings in %d ms", texts.size(), (System.nanoTime() - t0) / 1_000_000);

        Path dir = Path.of("target", "bench-search-" + articles);
        try (KnowledgeIndex index = new KnowledgeIndex(dir)) {
            if (!index.commitData().containsKey(KnowledgeIndex.VERSION)) {
                build(index, articles, texts, vectors);
            }
            int merge = Integer.getInteger("bench.max-segments", 0);
            if (merge > 0 && index.segments() > merge) {
                log("merging %d segments", index.segments());
                long m0 = System.nanoTime();
                index.optimize(merge);
                index.commit(1, "bench");
                log("merged to %d segments in %d s", merge, (System.nanoTime() - m0) / 1_000_000_000);
            }
            int docs = index.search(s -> s.getIndexReader().numDocs());
            log("index: %d articles, %d Lucene documents in %d segments at %s", articles, docs, index.segments(), dir);
            measure(index, model, questions(1_200));
        }
    }

    private void build(KnowledgeIndex index, int articles, List<String> texts, List<float[]> vectors) throws Exception {
        long t0 = System.nanoTime();
        ArticleDocuments documents = new ArticleDocuments(new VariedEmbeddings(texts, vectors), 500);
        Random random = new Random(42);
        List<Article> batch = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String title = texts.get(random.nextInt(texts.size())) + " (" + i + ")";
            String body = texts.get(random.nextInt(texts.size())) + " (" + i + ") " + texts.get(random.nextInt(texts.size()))
                    + ". Reference " + i + ".";
            List<String> examples = List.of(texts.get(random.nextInt(texts.size())) + " (" + i + " a)",
                    texts.get(random.nextInt(texts.size())) + " (" + i + " b)");
            batch.add(new Article("synthetic-" + i, title, body, "bench", List.of(), "en", ArticleStatus.PUBLISHED,
                    examples, Instant.EPOCH, Instant.EPOCH));
            if (batch.size() == 1_000 || i == articles - 1) {
                List<List<org.apache.lucene.document.Document>> docs = documents.of(batch);
                for (int a = 0; a < batch.size(); a++) {
                    index.replace(batch.get(a).id(), docs.get(a));
                }
                batch.clear();
                if ((i + 1) % 10_000 == 0) {
                    log("indexed %d articles", i + 1);
                }
            }
        }
        index.commit(1, "bench");
        log("built the index in %d s", (System.nanoTime() - t0) / 1_000_000_000);
    }

    private void measure(KnowledgeIndex index, TextEmbeddings model, List<String> questions) {
        HybridSearch search = new HybridSearch(index, 0.7);
        int warmup = 200;
        long[] total = new long[questions.size() - warmup];
        long[] lucene = new long[questions.size() - warmup];
        long[] luceneCpu = new long[questions.size() - warmup];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int q = 0; q < questions.size(); q++) {
            long t0 = System.nanoTime();
            float[] vector = model.embed(questions.get(q));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            search.search(questions.get(q), vector, 5);
            long c2 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            if (q >= warmup) {
                total[q - warmup] = t2 - t0;
                lucene[q - warmup] = t2 - t1;
                luceneCpu[q - warmup] = c2 - c1;
            }
        }
        log("RESULT %d queries (after %d warm-up), limit 5: end-to-end (embed + BM25 + KNN + fusion) %s; "
                + "index part only %s; index part CPU time %s", total.length, warmup, percentiles(total),
                percentiles(lucene), percentiles(luceneCpu));
        breakdown(index, model, questions.subList(warmup, questions.size()));
        log("load average during the run: %.1f on %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Wall time of the keyword and the vector query on their own, to see where the time goes. */
    private void breakdown(KnowledgeIndex index, TextEmbeddings model, List<String> questions) {
        HybridSearch search = new HybridSearch(index, 0.7);
        long[] keyword = new long[questions.size()];
        long[] vector = new long[questions.size()];
        for (int q = 0; q < questions.size(); q++) {
            float[] v = model.embed(questions.get(q));
            var query = search.keywordQuery(questions.get(q));
            int i = q;
            index.search(s -> {
                long t0 = System.nanoTime();
                if (query != null) {
                    s.search(query, 50);
                }
                long t1 = System.nanoTime();
                s.search(new org.apache.lucene.search.KnnFloatVectorQuery(ArticleDocuments.VECTOR, v, 50), 50);
                long t2 = System.nanoTime();
                keyword[i] = t1 - t0;
                vector[i] = t2 - t1;
                return null;
            });
        }
        log("BREAKDOWN BM25 top 50 %s; KNN top 50 %s", percentiles(keyword), percentiles(vector));
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms".formatted(ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
    }

    private static double ms(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
    }

    /** Distinct real phrasings from the knowledge-base examples of the shared data sets. */
    private static List<String> phrasings(int count) throws Exception {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String set : List.of("bitext-customer-support", "banking77", "clinc150")) {
            try (Stream<String> lines = Files.lines(DATA.resolve(set).resolve("kb-full.jsonl"))) {
                for (String line : lines.toList()) {
                    for (JsonNode e : JSON.readTree(line).get("examples")) {
                        out.add(e.asString().replace(" (", " "));
                    }
                }
            }
        }
        List<String> all = new ArrayList<>(out);
        java.util.Collections.shuffle(all, new Random(7));
        return all.subList(0, Math.min(count, all.size()));
    }

    private static List<String> questions(int count) throws Exception {
        try (Stream<String> lines = Files.lines(DATA.resolve("clinc150").resolve("queries-dev.jsonl"))) {
            return lines.limit(count).map(l -> JSON.readTree(l).get("question").asString()).toList();
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("BENCH " + format.formatted(args));
    }

    /** Each synthetic text is "pool text (variation)": it gets its pool text's vector plus a little noise. */
    private static final class VariedEmbeddings implements TextEmbeddings {

        private final Map<String, float[]> pool = new HashMap<>();
        private final List<float[]> vectors;
        private final Random random = new Random(1);

        VariedEmbeddings(List<String> texts, List<float[]> vectors) {
            this.vectors = vectors;
            for (int i = 0; i < texts.size(); i++) {
                pool.put(texts.get(i), vectors.get(i));
            }
        }

        @Override
        public float[] embed(String text) {
            int cut = text.indexOf(" (");
            float[] base = pool.get(cut < 0 ? text : text.substring(0, cut));
            if (base == null) {
                // the second chunk of a long synthetic body: any pool vector, chosen by the text
                base = vectors.get(Math.floorMod(text.hashCode(), vectors.size()));
            }
            float[] v = new float[base.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = base[i] + (float) (random.nextGaussian() * 0.02);
            }
            return OnnxTextEmbeddings.normalize(v);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }

        @Override
        public int dimension() {
            return 384;
        }
    }
}
