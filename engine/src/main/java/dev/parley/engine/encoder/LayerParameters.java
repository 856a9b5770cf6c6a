package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.FEED_FORWARD;
import static dev.parley.engine.encoder.ModelFile.HIDDEN;

/**
 * The trainable tensors of one transformer layer (BERT post-norm layout), or their gradients. Weight
 * matrices are (inputs x outputs), row-major, as the ONNX file's MatMul inputs are.
 */
final class LayerParameters {

    static final int WQ = 0, BQ = 1, WK = 2, BK = 3, WV = 4, BV = 5, WO = 6, BO = 7, G1 = 8, C1 = 9, W1 = 10, B1 = 11,
            W2 = 12, B2 = 13, G2 = 14, C2 = 15;
    /** The file's names of the float tensors, by index; null for the weight matrices. */
    static final String[] FLOAT_NAMES = {null, "attention.self.query.bias", null, "attention.self.key.bias", null,
        "attention.self.value.bias", null, "attention.output.dense.bias", "attention.output.LayerNorm.weight",
        "attention.output.LayerNorm.bias", null, "intermediate.dense.bias", null, "output.dense.bias",
        "output.LayerNorm.weight", "output.LayerNorm.bias"};
    /** The weight matrix at each even index below 14 that is one. */
    static final ModelFile.Part[] PARTS = {ModelFile.Part.QUERY, null, ModelFile.Part.KEY, null, ModelFile.Part.VALUE,
        null, ModelFile.Part.ATTENTION_OUTPUT, null, null, null, ModelFile.Part.INTERMEDIATE, null, ModelFile.Part.OUTPUT,
        null, null, null};

    final int layer;
    final float[][] tensors;

    private LayerParameters(int layer, float[][] tensors) {
        this.layer = layer;
        this.tensors = tensors;
    }

    static LayerParameters read(ModelFile model, int layer) {
        float[][] tensors = new float[16][];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = PARTS[i] != null ? model.weight(layer, PARTS[i]) : model.floats(layer, FLOAT_NAMES[i]);
        }
        return new LayerParameters(layer, tensors);
    }

    /** Zeros of the same shapes: a gradient. */
    static LayerParameters zeros(int layer) {
        int h = HIDDEN, f = FEED_FORWARD;
        int[] sizes = {h * h, h, h * h, h, h * h, h, h * h, h, h, h, h * f, f, f * h, h, h, h};
        float[][] tensors = new float[16][];
        for (int i = 0; i < sizes.length; i++) {
            tensors[i] = new float[sizes[i]];
        }
        return new LayerParameters(layer, tensors);
    }

    LayerParameters copy() {
        float[][] copy = new float[16][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = tensors[i].clone();
        }
        return new LayerParameters(layer, copy);
    }

    float[] get(int index) {
        return tensors[index];
    }
}
