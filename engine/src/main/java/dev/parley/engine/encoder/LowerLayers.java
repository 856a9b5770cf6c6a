package dev.parley.engine.encoder;

import static dev.parley.engine.encoder.ModelFile.HIDDEN;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import dev.parley.engine.runtime.NativeModelCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The shipped model's frozen layers, run by ONNX Runtime exactly as for serving (same tokenizer, same int8
 * kernels), from a copy of the model that also outputs the hidden states where the tuned layers start.
 */
final class LowerLayers implements AutoCloseable {

    private static final int MAX_TOKENS = 512;
    private static final int BATCH = 32;
    private static final long SEPARATOR = 102;
    /** The tokenizer's own default, stated so that it does not warn about it each time it is made. */
    private static final Map<String, String> TOKENIZER_OPTIONS = Map.of("maxLength", String.valueOf(MAX_TOKENS));

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String output;

    /** @param firstTuned the first tuned layer; the states are the output of the layer below it */
    LowerLayers(ModelFile model, byte[] tokenizerJson, int firstTuned) {
        this.output = ModelFile.hiddenStates(firstTuned - 1);
        try (OrtSession.SessionOptions options = BgeSmallEmbeddingModel.sessionOptions()) {
            byte[] bytes = model.withHiddenStatesOutput(firstTuned - 1);
            this.session = NativeModelCalls.call(() -> create(bytes, options));
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    TOKENIZER_OPTIONS);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the model's lower layers", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tokenizer", e);
        }
    }

    private OrtSession create(byte[] model, OrtSession.SessionOptions options) {
        try {
            return environment.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the model's lower layers", e);
        }
    }

    FrozenStates states(List<String> texts) {
        List<long[]> ids = texts.stream().map(this::tokens).toList();
        float[][] states = new float[texts.size()][];
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        for (int start = 0; start < order.length; start += BATCH) {
            List<Integer> rows = new ArrayList<>(List.of(order).subList(start, Math.min(order.length, start + BATCH)));
            NativeModelCalls.call(() -> {
                run(rows, ids, states);
                return null;
            });
        }
        return new FrozenStates(List.of(states));
    }

    private long[] tokens(String text) {
        long[] ids = tokenizer.encode(text, true, false).getIds();
        if (ids.length > MAX_TOKENS) {
            ids = java.util.Arrays.copyOf(ids, MAX_TOKENS);
            ids[MAX_TOKENS - 1] = SEPARATOR;
        }
        return ids;
    }

    private void run(List<Integer> rows, List<long[]> ids, float[][] states) {
        int longest = rows.stream().mapToInt(i -> ids.get(i).length).max().orElse(0);
        long[] input = new long[rows.size() * longest];
        long[] mask = new long[input.length];
        for (int r = 0; r < rows.size(); r++) {
            long[] tokens = ids.get(rows.get(r));
            System.arraycopy(tokens, 0, input, r * longest, tokens.length);
            java.util.Arrays.fill(mask, r * longest, r * longest + tokens.length, 1);
        }
        long[] shape = {rows.size(), longest};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(input), shape);
                OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[input.length]), shape);
                OrtSession.Result result = session.run(
                        Map.of("input_ids", inputIds, "attention_mask", attention, "token_type_ids", types),
                        Set.of(output))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (int r = 0; r < rows.size(); r++) {
                float[] s = new float[ids.get(rows.get(r)).length * HIDDEN];
                hidden.get(r * longest * HIDDEN, s);
                states[rows.get(r)] = s;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the model's lower layers failed", e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        NativeModelCalls.release(() -> {
            try {
                session.close();
            } catch (OrtException e) {
                // native memory released on a best-effort basis
            }
        });
    }
}
