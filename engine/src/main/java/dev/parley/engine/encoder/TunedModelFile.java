package dev.parley.engine.encoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes tuned layers into a copy of the model file: weight matrices rounded to the file's own int8 grid
 * (so ONNX Runtime runs them with the same kernels, at the same speed, as the shipped ones), biases and
 * norms as floats. Rounding to the grid moves the embeddings by little (cosine 0.996 to the float
 * layers, measured in docs/benchmarks.md).
 */
final class TunedModelFile {

    private TunedModelFile() {
    }

    static byte[] write(ModelFile model, TunedLayers tuned) {
        return model.withTensors(tensors(model, tuned));
    }

    /** The tuned tensors as the file stores them, by initializer name. */
    static Map<String, byte[]> tensors(ModelFile model, TunedLayers tuned) {
        Map<String, byte[]> tensors = new HashMap<>();
        for (LayerParameters layer : tuned.layers()) {
            for (int i = 0; i < layer.tensors.length; i++) {
                ModelFile.Part part = LayerParameters.PARTS[i];
                if (part != null) {
                    ModelFile.Grid grid = model.grid(layer.layer, part);
                    tensors.put(grid.prefix() + "_quantized", quantised(layer.get(i), grid));
                } else {
                    tensors.put(ModelFile.floatName(layer.layer, LayerParameters.FLOAT_NAMES[i]), floats(layer.get(i)));
                }
            }
        }
        return tensors;
    }

    /** The layers as the written file holds them: weight matrices on the int8 grid, dequantised. */
    static TunedLayers rounded(ModelFile model, TunedLayers tuned) {
        return new TunedLayers(tuned.layers().stream().map(layer -> {
            LayerParameters copy = layer.copy();
            for (int i = 0; i < copy.tensors.length; i++) {
                ModelFile.Part part = LayerParameters.PARTS[i];
                if (part != null) {
                    ModelFile.Grid grid = model.grid(layer.layer, part);
                    float[] w = copy.tensors[i];
                    int columns = grid.scale().length;
                    for (int j = 0; j < w.length; j++) {
                        int column = j % columns;
                        w[j] = (grid.quantise(w[j], column) - grid.zeroPoint()[column]) * grid.scale()[column];
                    }
                }
            }
            return copy;
        }).toList());
    }

    private static byte[] quantised(float[] weights, ModelFile.Grid grid) {
        byte[] out = new byte[weights.length];
        int columns = grid.scale().length;
        for (int i = 0; i < weights.length; i++) {
            out[i] = grid.quantise(weights[i], i % columns);
        }
        return out;
    }

    private static byte[] floats(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
