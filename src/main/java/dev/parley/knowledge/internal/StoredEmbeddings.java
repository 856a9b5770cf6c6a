package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.TextEmbeddings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The index's embeddings: read from the {@link EmbeddingStore} when some node embedded the text before, embedded
 * (through the in-memory cache and the model) and stored otherwise, so a knowledge change is embedded once for the
 * whole cluster. Only knowledge text comes through here; customer questions are embedded without being stored.
 */
final class StoredEmbeddings implements TextEmbeddings {

    /** The shipped model's file; a different model (or file) must not read these vectors. */
    static final String MODEL = "bge-small-en-v1.5-q";

    private final TextEmbeddings embeddings;
    private final EmbeddingStore store;

    StoredEmbeddings(TextEmbeddings embeddings, EmbeddingStore store) {
        this.embeddings = embeddings;
        this.store = store;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        Map<String, float[]> vectors = new LinkedHashMap<>(store.find(MODEL, texts));
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(texts));
        missing.removeAll(vectors.keySet());
        if (!missing.isEmpty()) {
            List<float[]> computed = embeddings.embedAll(missing);
            Map<String, float[]> fresh = new LinkedHashMap<>();
            for (int i = 0; i < missing.size(); i++) {
                fresh.put(missing.get(i), computed.get(i));
            }
            store.save(MODEL, fresh);
            vectors.putAll(fresh);
        }
        return texts.stream().map(vectors::get).toList();
    }

    @Override
    public int dimension() {
        return embeddings.dimension();
    }
}
