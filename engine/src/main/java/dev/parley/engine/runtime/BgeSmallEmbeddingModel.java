package dev.parley.engine.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bge-small-en-v1.5 (quantised), the model LangChain4j ships in its Maven jar, in an ONNX Runtime session
 * that suits a server on a few cores: one intra-op thread per call and no spin-waiting. ONNX Runtime's
 * defaults (a thread per core, spinning after each call) make one question's embedding occupy both cores of
 * a 2-core machine and keep spinning after it returns, slowing the search that follows it. Batches are still
 * spread over {@code executor}'s threads, one text per call, as LangChain4j does.
 */
public final class BgeSmallEmbeddingModel extends AbstractInProcessEmbeddingModel {

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;
    private final OrtSession session;
    private final Executor executor;
    private final NativeModelGate gate;

    /** Batches over as many daemon threads as there are cores, which end after a second without work. */
    public BgeSmallEmbeddingModel() {
        this(batchThreads());
    }

    public BgeSmallEmbeddingModel(Executor executor) {
        this(modelFile(), executor);
    }

    /** The same model from other bytes (see below), batches over daemon threads as above. */
    public BgeSmallEmbeddingModel(byte[] model) {
        this(model, batchThreads());
    }

    /**
     * The same model from other bytes of the same architecture and tokenizer, e.g. a copy whose top layers
     * were fine-tuned on a knowledge base.
     */
    public BgeSmallEmbeddingModel(byte[] model, Executor executor) {
        this(model, executor, NativeModelGate.runtime());
    }

    /** As above, with its native calls counted by {@code gate} rather than the process-wide one (tests). */
    public BgeSmallEmbeddingModel(byte[] model, Executor executor, NativeModelGate gate) {
        super(executor);
        this.executor = executor;
        this.gate = gate;
        // creating the session runs native code as well (the crash of issue 17 was in createSession)
        this.session = gate.enter(() -> session(model));
        this.encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session,
                new java.io.ByteArrayInputStream(tokenizerFile()), PoolingMode.CLS);
    }

    /**
     * Embeds a batch over the executor like LangChain4j does, but with every text's call counted by the gate on the
     * thread that runs it: LangChain4j's own version lets an interrupted caller return while its tasks still run
     * on the executor, outside any count, so a stop could free the runtime under them.
     */
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (segments.size() <= 1) {
            return gate.enter(() -> super.embedAll(segments));
        }
        return gate.enter(() -> spread(segments));
    }

    private Response<List<Embedding>> spread(List<TextSegment> segments) {
        List<CompletableFuture<Response<List<Embedding>>>> calls = segments.stream()
                .map(segment -> CompletableFuture.supplyAsync(
                        () -> gate.enter(() -> super.embedAll(List.of(segment))), executor))
                .toList();
        List<Embedding> embeddings = new ArrayList<>(segments.size());
        int tokens = 0;
        try {
            for (var call : calls) {
                Response<List<Embedding>> one = call.get();
                embeddings.add(one.content().getFirst());
                tokens += one.tokenUsage() == null || one.tokenUsage().inputTokenCount() == null
                        ? 0 : one.tokenUsage().inputTokenCount();
            }
        } catch (InterruptedException e) {
            calls.forEach(call -> call.cancel(false)); // the ones not started yet never start
            Thread.currentThread().interrupt();
            throw new IllegalStateException("embedding interrupted", e);
        } catch (ExecutionException e) {
            calls.forEach(call -> call.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return Response.from(embeddings, new TokenUsage(tokens));
    }

    /**
     * Frees the model's native memory; embedding afterwards fails. For models made from other bytes that are
     * replaced while the application runs (the shipped one lives as long as the application).
     */
    public void release() {
        gate.release(() -> {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("could not release the embedding model", e);
            }
        });
    }

    /** The shipped model file (ONNX). */
    public static byte[] modelFile() {
        return resource(MODEL);
    }

    /** The model's tokenizer (Hugging Face tokenizer.json). */
    public static byte[] tokenizerFile() {
        return resource(TOKENIZER);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BgeSmallEmbeddingModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bge-small-en-v1.5-q model is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the embedding model", e);
        }
    }

    private static Executor batchThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "embedding-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The session options this model runs with (see the class comment); the caller closes them. */
    public static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    private static OrtSession session(byte[] model) {
        try (OrtSession.SessionOptions options = sessionOptions()) {
            return OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the embedding model", e);
        }
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
