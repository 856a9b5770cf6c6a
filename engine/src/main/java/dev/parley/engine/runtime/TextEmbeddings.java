package dev.parley.engine.runtime;

import java.util.List;

/**
 * Sentence embeddings from the in-process model (bge-small-en-v1.5, quantized; offline). Vectors are
 * L2-normalised, so a dot product is the cosine similarity. Results are cached by text, so the index
 * and the assistant's scorer share the work.
 */
public interface TextEmbeddings {

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    int dimension();
}
