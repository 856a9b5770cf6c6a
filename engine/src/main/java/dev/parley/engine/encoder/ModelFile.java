package dev.parley.engine.encoder;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bge-small-en-v1.5-q's ONNX file as tuning needs it: the float parameters and the int8 weight matrices
 * (per-column scale and zero point, as ONNX Runtime's dynamic quantisation stores them) of each layer,
 * a copy with some tensors' bytes replaced (same sizes, so the protobuf is not re-encoded), and a copy
 * that also outputs the hidden states after a given layer.
 */
final class ModelFile {

    static final int HIDDEN = 384;
    static final int FEED_FORWARD = 1536;
    static final int LAYERS = 12;
    private static final int GRAPH = 7;
    private static final int INITIALIZER = 5;
    private static final int NODE = 1;
    private static final int GRAPH_OUTPUT = 12;
    private static final int FLOAT = 1;
    private static final int INT8 = 3;
    private static final Pattern MATMUL = Pattern.compile("/encoder/layer\\.(\\d+)/(.+)/MatMul_output_0_output_quantized");

    /**
     * Where a tensor's values lie in the file: in raw_data (field 9, writable in place), or packed in
     * float_data (4, little-endian floats like raw data) or int32_data (5, varints).
     */
    record Tensor(String name, int dataType, int offset, int length, int field) {
    }

    private final byte[] bytes;
    private final Protobuf.Field graph;
    private final Map<String, Tensor> tensors = new HashMap<>();
    /** "8 attention/self/query" -> the initializers' name prefix of that weight matrix. */
    private final Map<String, String> weights = new HashMap<>();

    ModelFile(byte[] bytes) {
        this.bytes = bytes;
        this.graph = Protobuf.fields(bytes, 0, bytes.length).stream().filter(f -> f.number() == GRAPH).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an ONNX model: no graph"));
        for (Protobuf.Field field : Protobuf.fields(bytes, graph)) {
            if (field.number() == INITIALIZER) {
                readTensor(field);
            } else if (field.number() == NODE) {
                readNode(field);
            }
        }
        if (weights.size() != LAYERS * Part.values().length) {
            throw new IllegalArgumentException("unexpected model: found " + weights.size() + " quantised layer weights");
        }
    }

    private void readTensor(Protobuf.Field field) {
        String name = null;
        int type = 0;
        Protobuf.Field data = null;
        for (Protobuf.Field f : Protobuf.fields(bytes, field)) {
            switch (f.number()) {
                case 8 -> name = f.string(bytes);
                case 2 -> type = (int) f.varint();
                case 4, 5, 9 -> data = f.wireType() == 2 ? f : data;
                default -> {
                }
            }
        }
        if (name != null && data != null) {
            tensors.put(name, new Tensor(name, type, data.valueStart(), data.end() - data.valueStart(), data.number()));
        }
    }

    private void readNode(Protobuf.Field field) {
        List<Protobuf.Field> parts = Protobuf.fields(bytes, field);
        String op = parts.stream().filter(f -> f.number() == 4).map(f -> f.string(bytes)).findFirst().orElse("");
        if (!op.equals("MatMulInteger")) {
            return;
        }
        List<String> inputs = parts.stream().filter(f -> f.number() == 1).map(f -> f.string(bytes)).toList();
        String output = parts.stream().filter(f -> f.number() == 2).map(f -> f.string(bytes)).findFirst().orElse("");
        Matcher m = MATMUL.matcher(output);
        if (m.matches() && inputs.size() > 1 && inputs.get(1).endsWith("_quantized")) {
            weights.put(m.group(1) + " " + m.group(2), inputs.get(1).substring(0, inputs.get(1).length() - "_quantized".length()));
        }
    }

    byte[] bytes() {
        return bytes;
    }

    /** A float tensor of layer {@code layer}'s, e.g. "attention.self.query.bias". */
    float[] floats(int layer, String name) {
        Tensor t = tensor(floatName(layer, name), FLOAT);
        float[] out = new float[t.length() / 4];
        ByteBuffer.wrap(bytes, t.offset(), t.length()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static String floatName(int layer, String name) {
        return "encoder.layer." + layer + "." + name;
    }

    /** A weight matrix (rows: inputs, columns: outputs, row-major) dequantised to floats. */
    float[] weight(int layer, Part part) {
        Grid grid = grid(layer, part);
        Tensor q = tensor(grid.prefix() + "_quantized", INT8);
        float[] out = new float[q.length()];
        int columns = grid.scale().length;
        for (int i = 0; i < out.length; i++) {
            int column = i % columns;
            out[i] = (bytes[q.offset() + i] - grid.zeroPoint()[column]) * grid.scale()[column];
        }
        return out;
    }

    /** The int8 grid a weight matrix is stored on: per output column a scale and a zero point. */
    record Grid(String prefix, float[] scale, int[] zeroPoint) {

        byte quantise(float value, int column) {
            long q = Math.round(value / scale[column]) + zeroPoint[column];
            return (byte) Math.max(-128, Math.min(127, q));
        }
    }

    Grid grid(int layer, Part part) {
        String prefix = weights.get(layer + " " + part.path());
        Tensor scale = tensor(prefix + "_scale", FLOAT);
        Tensor zero = tensor(prefix + "_zero_point", INT8);
        float[] scales = new float[scale.length() / 4];
        ByteBuffer.wrap(bytes, scale.offset(), scale.length()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scales);
        int[] zeros = new int[scales.length];
        int[] at = {zero.offset()};
        for (int i = 0; i < zeros.length; i++) {
            zeros[i] = zero.field() == 9 ? bytes[zero.offset() + i] : (int) Protobuf.varint(bytes, at);
        }
        return new Grid(prefix, scales, zeros);
    }

    Tensor tensor(String name, int dataType) {
        Tensor t = tensors.get(name);
        if (t == null || t.dataType() != dataType) {
            throw new IllegalArgumentException("the model has no raw tensor " + name + " of type " + dataType);
        }
        return t;
    }

    /** A copy of the file with these tensors' bytes replaced; each must keep its size. */
    byte[] withTensors(Map<String, byte[]> replaced) {
        byte[] copy = bytes.clone();
        replaced.forEach((name, value) -> {
            Tensor t = tensors.get(name);
            if (t == null || t.field() != 9 || t.length() != value.length) {
                throw new IllegalArgumentException("no raw tensor " + name + " of " + value.length + " bytes");
            }
            System.arraycopy(value, 0, copy, t.offset(), value.length);
        });
        return copy;
    }

    /** A copy of the file that also outputs the hidden states after layer {@code layer} (0-based). */
    byte[] withHiddenStatesOutput(int layer) {
        String name = hiddenStates(layer);
        Protobuf.Field existing = Protobuf.fields(bytes, graph, GRAPH_OUTPUT).getFirst();
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        Protobuf.writeBytes(info, 1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (Protobuf.Field f : Protobuf.fields(bytes, existing)) {
            if (f.number() != 1) {
                info.write(bytes, f.tagStart(), f.end() - f.tagStart());
            }
        }
        ByteArrayOutputStream newGraph = new ByteArrayOutputStream();
        newGraph.write(bytes, graph.valueStart(), graph.end() - graph.valueStart());
        Protobuf.writeBytes(newGraph, GRAPH_OUTPUT, info.toByteArray());
        ByteArrayOutputStream model = new ByteArrayOutputStream(bytes.length + 256);
        for (Protobuf.Field f : Protobuf.fields(bytes, 0, bytes.length)) {
            if (f.number() == GRAPH) {
                Protobuf.writeBytes(model, GRAPH, newGraph.toByteArray());
            } else {
                model.write(bytes, f.tagStart(), f.end() - f.tagStart());
            }
        }
        return model.toByteArray();
    }

    static String hiddenStates(int layer) {
        return "/encoder/layer." + layer + "/output/LayerNorm/Add_1_output_0";
    }

    /** The weight matrices of a layer, by their place in the graph. */
    enum Part {
        QUERY("attention/self/query"), KEY("attention/self/key"), VALUE("attention/self/value"),
        ATTENTION_OUTPUT("attention/output/dense"), INTERMEDIATE("intermediate/dense"), OUTPUT("output/dense");

        private final String path;

        Part(String path) {
            this.path = path;
        }

        String path() {
            return path;
        }
    }
}
