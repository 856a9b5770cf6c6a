package dev.parley.engine.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.engine.runtime.NativeModelCalls;
import java.io.ByteArrayOutputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Matrix products for training, run by ONNX Runtime's Gemm (its tuned kernels reach 60-80 GFLOP/s on one
 * core here, about 15 times what plain Java loops do): one tiny model per transposition, built in memory.
 * Matrices are row-major float arrays. Thread-safe.
 */
final class MatrixProducts implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession[] sessions = new OrtSession[4];

    MatrixProducts(int threads) {
        // creating a session is a native call too: under the gate, so a stop cannot free the runtime under it
        NativeModelCalls.call(() -> {
            createSessions(threads);
            return null;
        });
    }

    private void createSessions(int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            for (int t = 0; t < 4; t++) {
                sessions[t] = environment.createSession(gemm((t & 1) != 0, (t & 2) != 0), options);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("could not create the matrix product sessions", e);
        }
    }

    /** a (n x k) times b (k x m). */
    float[] times(float[] a, int n, int k, float[] b, int m) {
        return run(0, a, n, k, b, k, m);
    }

    /** a (n x k) times the transpose of b (m x k). */
    float[] timesTransposed(float[] a, int n, int k, float[] b, int m) {
        return run(2, a, n, k, b, m, k);
    }

    /** The transpose of a (k x n) times b (k x m): a weight gradient from inputs and output gradients. */
    float[] transposedTimes(float[] a, int k, int n, float[] b, int m) {
        return run(1, a, k, n, b, k, m);
    }

    private float[] run(int kind, float[] a, int aRows, int aColumns, float[] b, int bRows, int bColumns) {
        return NativeModelCalls.call(() -> product(kind, a, aRows, aColumns, b, bRows, bColumns));
    }

    private float[] product(int kind, float[] a, int aRows, int aColumns, float[] b, int bRows, int bColumns) {
        try (OnnxTensor ta = OnnxTensor.createTensor(environment, FloatBuffer.wrap(a, 0, aRows * aColumns),
                        new long[] {aRows, aColumns});
                OnnxTensor tb = OnnxTensor.createTensor(environment, FloatBuffer.wrap(b, 0, bRows * bColumns),
                        new long[] {bRows, bColumns});
                OrtSession.Result result = sessions[kind].run(Map.of("A", ta, "B", tb))) {
            FloatBuffer buffer = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] out = new float[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("matrix product failed", e);
        }
    }

    @Override
    public void close() {
        NativeModelCalls.release(() -> {
            for (OrtSession session : sessions) {
                try {
                    session.close();
                } catch (OrtException e) {
                    // closing native memory; nothing left to do
                }
            }
        });
    }

    /** ModelProto with one Gemm node: Y = op(A) op(B), opset 13, dynamic 2-d shapes. */
    private static byte[] gemm(boolean transA, boolean transB) {
        ByteArrayOutputStream node = new ByteArrayOutputStream();
        string(node, 1, "A");
        string(node, 1, "B");
        string(node, 2, "Y");
        string(node, 4, "Gemm");
        Protobuf.writeBytes(node, 5, intAttribute("transA", transA ? 1 : 0));
        Protobuf.writeBytes(node, 5, intAttribute("transB", transB ? 1 : 0));
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        Protobuf.writeBytes(graph, 1, node.toByteArray());
        string(graph, 2, "gemm");
        Protobuf.writeBytes(graph, 11, matrix("A"));
        Protobuf.writeBytes(graph, 11, matrix("B"));
        Protobuf.writeBytes(graph, 12, matrix("Y"));
        ByteArrayOutputStream opset = new ByteArrayOutputStream();
        string(opset, 1, "");
        number(opset, 2, 13);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        number(model, 1, 8);
        Protobuf.writeBytes(model, 8, opset.toByteArray());
        Protobuf.writeBytes(model, 7, graph.toByteArray());
        return model.toByteArray();
    }

    private static byte[] intAttribute(String name, long value) {
        ByteArrayOutputStream attribute = new ByteArrayOutputStream();
        string(attribute, 1, name);
        number(attribute, 3, value);
        number(attribute, 20, 2);
        return attribute.toByteArray();
    }

    /** ValueInfoProto of a float matrix with symbolic dimensions. */
    private static byte[] matrix(String name) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (String dimension : new String[] {name + "0", name + "1"}) {
            ByteArrayOutputStream dim = new ByteArrayOutputStream();
            string(dim, 2, dimension);
            Protobuf.writeBytes(shape, 1, dim.toByteArray());
        }
        ByteArrayOutputStream tensorType = new ByteArrayOutputStream();
        number(tensorType, 1, 1);
        Protobuf.writeBytes(tensorType, 2, shape.toByteArray());
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        Protobuf.writeBytes(type, 1, tensorType.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        string(info, 1, name);
        Protobuf.writeBytes(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, int number, String value) {
        Protobuf.writeBytes(out, number, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void number(ByteArrayOutputStream out, int number, long value) {
        Protobuf.writeVarint(out, (long) number << 3);
        Protobuf.writeVarint(out, value);
    }
}
