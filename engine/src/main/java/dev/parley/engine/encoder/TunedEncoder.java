package dev.parley.engine.encoder;

import dev.langchain4j.data.segment.TextSegment;
import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.NativeModelCalls;
import dev.parley.engine.runtime.TextEmbeddings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings from an encoder fine-tuned on one version of the knowledge base: the shipped model with its
 * top layers replaced, run by ONNX Runtime like the shipped one. Recent texts are cached, since a
 * conversation's earlier messages are embedded again for loop detection.
 */
public final class TunedEncoder implements TextEmbeddings, AutoCloseable {

    private static final int CACHE = 2048;

    private final BgeSmallEmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    };

    private final String id;

    TunedEncoder(byte[] modelFile) {
        this(modelFile, null);
    }

    TunedEncoder(byte[] modelFile, String id) {
        this.model = new BgeSmallEmbeddingModel(modelFile);
        this.id = id;
    }

    /**
     * Which tuning this is: what it was tuned on and the digest of its tensors ({@link EncoderTuning#stored}), so that
     * a scorer trained on it is only ever used with exactly it.
     */
    public java.util.Optional<String> id() {
        return java.util.Optional.ofNullable(id);
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] cached = cache.get(text);
            if (cached != null) {
                return cached;
            }
        }
        float[] vector = unit(NativeModelCalls.call(() -> model.embed(text)).content().vector());
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        var segments = texts.stream().map(TextSegment::from).toList();
        var embeddings = NativeModelCalls.call(() -> model.embedAll(segments)).content();
        List<float[]> out = new ArrayList<>(texts.size());
        embeddings.forEach(e -> out.add(unit(e.vector())));
        return out;
    }

    /** Forgets the cached embeddings (the eval command measures each question's full cost). */
    public void forget() {
        synchronized (cache) {
            cache.clear();
        }
    }

    /** Frees the model's native memory, once no request can still be using this encoder. */
    @Override
    public void close() {
        model.release();
    }

    @Override
    public int dimension() {
        return ModelFile.HIDDEN;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }
}
