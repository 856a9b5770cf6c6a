package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.HIDDEN;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The encoder's top layers, trainable: from the hidden states after the frozen layers below to the
 * sentence embedding (the first token's state, L2-normalised, as the model's CLS pooling gives).
 */
final class TunedLayers {

    private static final int EMBED_BATCH = 64;

    private final List<LayerParameters> layers;

    TunedLayers(List<LayerParameters> layers) {
        this.layers = List.copyOf(layers);
    }

    static TunedLayers read(ModelFile model, int depth) {
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = ModelFile.LAYERS - depth; l < ModelFile.LAYERS; l++) {
            layers.add(LayerParameters.read(model, l));
        }
        return new TunedLayers(layers);
    }

    List<LayerParameters> layers() {
        return layers;
    }

    /** The index of the first tuned layer: the frozen states are the output of the layer before it. */
    int first() {
        return layers.getFirst().layer;
    }

    /** A forward pass: every layer's activations, and per text the CLS state's norm and the embedding. */
    record Pass(List<EncoderLayer.Activations> activations, float[] norms, float[] embeddings) {
    }

    Pass forward(float[] states, Batch batch, MatrixProducts products) {
        List<EncoderLayer.Activations> activations = new ArrayList<>();
        float[] h = states;
        for (LayerParameters layer : layers) {
            EncoderLayer.Activations a = EncoderLayer.forward(layer, h, batch, products);
            activations.add(a);
            h = a.y();
        }
        float[] norms = new float[batch.size()];
        float[] embeddings = new float[batch.size() * HIDDEN];
        for (int b = 0; b < batch.size(); b++) {
            int cls = b * batch.length() * HIDDEN;
            double norm = 0;
            for (int j = 0; j < HIDDEN; j++) {
                norm += h[cls + j] * h[cls + j];
            }
            norms[b] = (float) Math.sqrt(norm);
            for (int j = 0; j < HIDDEN; j++) {
                embeddings[b * HIDDEN + j] = h[cls + j] / norms[b];
            }
        }
        return new Pass(activations, norms, embeddings);
    }

    /** Gradients of every layer's parameters, given the gradient of the embeddings. */
    List<LayerParameters> backward(Pass pass, float[] dEmbeddings, MatrixProducts products) {
        Batch batch = pass.activations().getFirst().batch();
        float[] dy = new float[batch.rows() * HIDDEN];
        for (int b = 0; b < batch.size(); b++) {
            double dot = 0;
            for (int j = 0; j < HIDDEN; j++) {
                dot += pass.embeddings()[b * HIDDEN + j] * dEmbeddings[b * HIDDEN + j];
            }
            int cls = b * batch.length() * HIDDEN;
            for (int j = 0; j < HIDDEN; j++) {
                int i = b * HIDDEN + j;
                dy[cls + j] = (float) ((dEmbeddings[i] - pass.embeddings()[i] * dot) / pass.norms()[b]);
            }
        }
        List<LayerParameters> gradients = new ArrayList<>();
        for (int l = layers.size() - 1; l >= 0; l--) {
            LayerParameters gradient = LayerParameters.zeros(layers.get(l).layer);
            dy = EncoderLayer.backward(layers.get(l), pass.activations().get(l), dy, gradient, products, l > 0);
            gradients.addFirst(gradient);
        }
        return gradients;
    }

    /** Embeddings of texts given their frozen states, in batches of similar length. */
    float[][] embed(FrozenStates states, MatrixProducts products) {
        float[][] out = new float[states.size()][];
        Integer[] order = IntStream.range(0, states.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt(states::length));
        for (int start = 0; start < order.length; start += EMBED_BATCH) {
            int[] rows = new int[Math.min(EMBED_BATCH, order.length - start)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = order[start + i];
            }
            FrozenStates.Padded padded = states.padded(rows);
            float[] embeddings = forward(padded.states(), padded.batch(), products).embeddings();
            for (int i = 0; i < rows.length; i++) {
                out[rows[i]] = java.util.Arrays.copyOfRange(embeddings, i * HIDDEN, (i + 1) * HIDDEN);
            }
        }
        return out;
    }
}
