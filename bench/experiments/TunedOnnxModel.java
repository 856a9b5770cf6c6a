import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Experiment: can a fine-tuned encoder run in ONNX Runtime exactly as the shipped one does? Writes the tensors
 * finetune_encoder.py tuned (its {@code patch.bin}: weight matrices already rounded to the file's int8 grid,
 * biases and norms as floats) over the same tensors' bytes in a copy of bge-small-en-v1.5-q.onnx (the sizes do not
 * change, so the protobuf needs no re-encoding), loads that copy with the session options production uses, embeds
 * every text of an eval embedding cache with it, writes them as a new cache for {@code eval --embedding-cache}, and
 * reports the cosine to the numpy encoder's embeddings of the same texts. Results are in docs/benchmarks.md
 * ("Fine-tuning the encoder").
 *
 * usage (classpath: the application jar's BOOT-INF/lib, e.g. unzip it into target/explode):
 *   java -cp 'target/explode/BOOT-INF/lib/*' bench/experiments/TunedOnnxModel.java <tuned dir> <cache of texts> <out dir>
 *   (<tuned dir>: finetune_encoder.py's export folder with patch.bin and its numpy cache)
 */
public class TunedOnnxModel {

    static final String CACHE = "bge-small-en-v15-q.bin";

    public static void main(String[] args) throws Exception {
        Path tuned = Path.of(args[0]);
        byte[] model = resource("bge-small-en-v1.5-q.onnx");
        Map<String, int[]> raw = rawData(model);
        int patched = 0;
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(tuned.resolve("patch.bin"))))) {
            while (true) {
                String name;
                try {
                    name = in.readUTF();
                } catch (EOFException end) {
                    break;
                }
                int type = in.readInt(), count = in.readInt(), bytes = count * (type == 1 ? 4 : 1);
                int[] at = raw.get(name);
                if (at == null || at[1] != bytes) {
                    throw new IllegalStateException(name + ": no raw tensor of " + bytes + " bytes in the model");
                }
                in.readFully(model, at[0], bytes);
                patched++;
            }
        }
        System.out.printf("patched %d tensors%n", patched);
        Encoder encoder = new Encoder(model);
        Map<String, float[]> numpy = read(tuned.resolve(CACHE));
        List<String> texts = new ArrayList<>(read(Path.of(args[1]).resolve(CACHE)).keySet());
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        double min = 1, sum = 0;
        long started = System.nanoTime();
        try (var cache = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve(CACHE))))) {
            for (int start = 0; start < texts.size(); start += 256) {
                List<String> batch = texts.subList(start, Math.min(texts.size(), start + 256));
                var vectors = encoder.embedAll(batch.stream().map(TextSegment::from).toList()).content();
                for (int i = 0; i < batch.size(); i++) {
                    float[] v = normalised(vectors.get(i).vector());
                    cache.writeUTF(batch.get(i));
                    cache.writeInt(v.length);
                    double cosine = 0;
                    float[] reference = numpy.get(batch.get(i));
                    for (int d = 0; d < v.length; d++) {
                        cache.writeFloat(v[d]);
                        cosine += v[d] * reference[d];
                    }
                    min = Math.min(min, cosine);
                    sum += cosine;
                }
            }
        }
        System.out.printf("embedded %d texts in %.0f s; cosine to the numpy encoder: min %.4f, mean %.4f%n",
                texts.size(), (System.nanoTime() - started) / 1e9, min, sum / texts.size());
        System.exit(0);
    }

    /** Where each initializer's raw_data lies in the model: ModelProto.graph (7) -> initializer (5) -> name (8), raw_data (9). */
    static Map<String, int[]> rawData(byte[] b) {
        Map<String, int[]> out = new HashMap<>();
        for (int[] graph : fields(b, 0, b.length, 7)) {
            for (int[] tensor : fields(b, graph[0], graph[1], 5)) {
                List<int[]> name = fields(b, tensor[0], tensor[1], 8), data = fields(b, tensor[0], tensor[1], 9);
                if (!name.isEmpty() && !data.isEmpty()) {
                    int[] n = name.get(0), d = data.get(0);
                    out.put(new String(b, n[0], n[1] - n[0], java.nio.charset.StandardCharsets.UTF_8),
                            new int[] {d[0], d[1] - d[0]});
                }
            }
        }
        return out;
    }

    /** The [start, end) of every length-delimited field {@code wanted} of the message in b[from, to). */
    static List<int[]> fields(byte[] b, int from, int to, int wanted) {
        List<int[]> out = new ArrayList<>();
        int[] i = {from};
        while (i[0] < to) {
            long key = varint(b, i);
            int field = (int) (key >>> 3), type = (int) (key & 7);
            switch (type) {
                case 0 -> varint(b, i);
                case 1 -> i[0] += 8;
                case 5 -> i[0] += 4;
                case 2 -> {
                    int length = (int) varint(b, i);
                    if (field == wanted) {
                        out.add(new int[] {i[0], i[0] + length});
                    }
                    i[0] += length;
                }
                default -> throw new IllegalStateException("wire type " + type);
            }
        }
        return out;
    }

    static long varint(byte[] b, int[] i) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte c = b[i[0]++];
            value |= (long) (c & 0x7f) << shift;
            if (c >= 0) {
                return value;
            }
        }
    }

    static Map<String, float[]> read(Path file) throws Exception {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String text;
                try {
                    text = in.readUTF();
                } catch (EOFException end) {
                    return out;
                }
                float[] v = new float[in.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                out.put(text, v);
            }
        }
    }

    static float[] normalised(float[] v) {
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

    static byte[] resource(String name) throws Exception {
        try (InputStream in = TunedOnnxModel.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** The production session options (BgeSmallEmbeddingModel), over the patched bytes. */
    static final class Encoder extends AbstractInProcessEmbeddingModel {
        final OnnxBertBiEncoder encoder;

        Encoder(byte[] model) throws Exception {
            super(Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            encoder = new OnnxBertBiEncoder(environment, environment.createSession(model, options),
                    TunedOnnxModel.class.getClassLoader().getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json"),
                    PoolingMode.CLS);
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
