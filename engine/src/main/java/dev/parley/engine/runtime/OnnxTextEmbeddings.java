package dev.parley.engine.runtime;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TextEmbeddings} over an in-process LangChain4j embedding model, with a bounded LRU cache by
 * text so that indexing and the assistant's scorer embed each example once.
 */
public class OnnxTextEmbeddings implements TextEmbeddings {

    private final EmbeddingModel model;
    private final Map<String, float[]> cache;

    public OnnxTextEmbeddings(EmbeddingModel model, int cacheSize) {
        this.model = model;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        };
    }

    @Override
    public float[] embed(String text) {
        float[] cached = cached(text);
        if (cached != null) {
            return cached;
        }
        float[] vector = normalize(NativeModelGate.call(() -> model.embed(text)).content().vector());
        remember(text, vector);
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> result = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] cached = cached(texts.get(i));
            result.add(cached);
            if (cached == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            var embeddings = NativeModelGate.call(() -> model.embedAll(segments)).content();
            for (int j = 0; j < missing.size(); j++) {
                float[] vector = normalize(embeddings.get(j).vector());
                result.set(missing.get(j), vector);
                remember(texts.get(missing.get(j)), vector);
            }
        }
        return result;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    private synchronized float[] cached(String text) {
        return cache.get(text);
    }

    private synchronized void remember(String text, float[] vector) {
        cache.put(text, vector);
    }

    /** The vector scaled to length 1 (a zero vector stays as it is). */
    public static float[] normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1.0 / Math.sqrt(norm));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}
