package dev.parley.assistant.internal.eval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.parley.engine.runtime.TextEmbeddings;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The eval command's embeddings: the same in-process model as production. Knowledge-base texts
 * ({@link #embedAll}) can be kept in an on-disk cache between runs; questions ({@link #embed}) are
 * always computed, so measured latency includes the model, and are forgotten between passes.
 */
final class EvalEmbeddings implements TextEmbeddings {

    private static final int BATCH = 256;

    private final EmbeddingModel model;
    private final Path cacheFile;
    private final Map<String, float[]> stored = new HashMap<>();
    private final Map<String, float[]> questions = new HashMap<>();

    private final boolean cacheQuestions;

    /** {@code cacheQuestions} also keeps questions on disk: faster experiments, meaningless latency. */
    EvalEmbeddings(EmbeddingModel model, Path cacheDir, boolean cacheQuestions) {
        this.model = model;
        this.cacheQuestions = cacheQuestions && cacheDir != null;
        this.cacheFile = cacheDir == null ? null : cacheDir.resolve("bge-small-en-v15-q.bin");
        if (cacheFile != null && Files.exists(cacheFile)) {
            load();
        }
    }

    @Override
    public synchronized float[] embed(String text) {
        if (cacheQuestions) {
            return embedAll(List.of(text)).get(0);
        }
        return questions.computeIfAbsent(text, t -> normalise(model.embed(t).content().vector()));
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !stored.containsKey(t)).toList();
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<String> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            var vectors = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            Map<String, float[]> fresh = new HashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                fresh.put(batch.get(i), normalise(vectors.get(i).vector()));
            }
            stored.putAll(fresh);
            append(fresh);
            System.err.printf("  embedded %d/%d knowledge-base texts%n", Math.min(missing.size(), start + BATCH),
                    missing.size());
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(stored.get(t)));
        return out;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    synchronized void forgetQuestions() {
        questions.clear();
    }

    private void load() {
        try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cacheFile)))) {
            while (true) {
                String text = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                stored.put(text, v);
            }
        } catch (EOFException end) {
            // whole file read
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding cache " + cacheFile, e);
        }
    }

    private void append(Map<String, float[]> fresh) {
        if (cacheFile == null) {
            return;
        }
        try {
            Files.createDirectories(cacheFile.getParent());
            try (var out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cacheFile,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                for (var entry : fresh.entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    for (float f : entry.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the embedding cache " + cacheFile, e);
        }
    }

    private static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}
