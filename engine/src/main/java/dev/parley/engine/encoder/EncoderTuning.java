package dev.parley.engine.encoder;

import dev.parley.engine.runtime.BgeSmallEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tunes the shipped encoder's top layers on a knowledge base's labelled texts and returns the tuned
 * encoder, ready to serve. The model file is read once, on a thread of its own that the constructor starts (reading
 * and hashing it takes about half a second, which an application's start need not wait for); each tuning runs the
 * frozen layers once over the texts, then trains on one thread (see {@link EncoderTuner}). With a {@link TuningStore},
 * a tuning is kept and reused for the same texts, labels and settings, by this node and every other one sharing the
 * store (ADR 0032).
 */
public final class EncoderTuning implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EncoderTuning.class);

    private final EncoderTuner.Settings settings;
    private final CompletableFuture<Model> model;
    private final MatrixProducts products;
    private final TuningStore store;

    /** The shipped model as tunings start from it. */
    private record Model(ModelFile file, byte[] tokenizer, TunedLayers initial, byte[] digest) {

        static Model read(EncoderTuner.Settings settings) {
            ModelFile file = new ModelFile(BgeSmallEmbeddingModel.modelFile());
            return new Model(file, BgeSmallEmbeddingModel.tokenizerFile(), TunedLayers.read(file, settings.layers()),
                    sha256().digest(file.bytes()));
        }
    }

    /** Keeps no tuning between restarts. */
    public EncoderTuning() {
        this(EncoderTuner.Settings.defaults(), null);
    }

    /** @param store where tunings are kept for restarts and other nodes; null keeps none */
    public EncoderTuning(TuningStore store) {
        this(EncoderTuner.Settings.defaults(), store);
    }

    EncoderTuning(EncoderTuner.Settings settings, TuningStore store) {
        this.settings = settings;
        this.model = CompletableFuture.supplyAsync(() -> Model.read(settings),
                task -> Thread.ofPlatform().daemon().name("encoder-model-read").start(task));
        this.products = new MatrixProducts(1);
        this.store = store;
    }

    /** The shipped model, once read; a failure to read it is thrown here, as it is. */
    private Model model() {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * @param texts the knowledge base's texts (titles, example questions)
     * @param labels each text's article, 0 to {@code classes - 1}
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true before the end
     */
    public TunedEncoder tune(List<String> texts, int[] labels, int classes, BooleanSupplier cancelled) {
        String key = key(texts, labels, classes);
        Optional<TunedEncoder> stored = store == null ? Optional.empty() : store.read(key).flatMap(t -> encoder(key, t));
        if (stored.isPresent()) {
            return stored.get();
        }
        long started = System.nanoTime();
        FrozenStates states = frozenStates(texts);
        TunedLayers tuned = new EncoderTuner(settings, products).tune(model().initial(), states, labels, classes,
                cancelled);
        Map<String, byte[]> tensors = TunedModelFile.tensors(model().file(), tuned);
        log.info("Encoder tuned on {} texts of {} articles in {} s", texts.size(), classes,
                (System.nanoTime() - started) / 1_000_000_000);
        if (store != null) {
            store.write(key, tensors);
        }
        return new TunedEncoder(model().file().withTensors(tensors), id(key, tensors));
    }

    /**
     * The stored tuning that {@code id} ({@link TunedEncoder#id()}) names, when it is stored and holds exactly the
     * tensors the id names; empty otherwise (a missing, unreadable or different file).
     */
    public Optional<TunedEncoder> stored(String id) {
        int dot = id.indexOf('.');
        if (store == null || dot < 1) {
            return Optional.empty();
        }
        String key = id.substring(0, dot);
        return store.read(key).filter(tensors -> {
            boolean same = id.equals(id(key, tensors));
            if (!same) {
                log.warn("The stored tuned encoder {} is not the one named {}; it counts as missing", key, id);
            }
            return same;
        }).flatMap(tensors -> encoder(key, tensors));
    }

    /** The encoder with these tensors; empty (logged) when they do not fit the model. */
    private Optional<TunedEncoder> encoder(String key, Map<String, byte[]> tensors) {
        try {
            return Optional.of(new TunedEncoder(model().file().withTensors(tensors), id(key, tensors)));
        } catch (RuntimeException e) {
            log.warn("Ignoring the stored tuned encoder {}: its tensors do not fit the model ({})", key, e.toString());
            return Optional.empty();
        }
    }

    /** A tuning's key followed by the digest of its tensors. */
    private static String id(String key, Map<String, byte[]> tensors) {
        MessageDigest digest = sha256();
        new TreeMap<>(tensors).forEach((name, value) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value);
        });
        return key + "." + HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    FrozenStates frozenStates(List<String> texts) {
        Model shipped = model();
        try (LowerLayers lower = new LowerLayers(shipped.file(), shipped.tokenizer(), shipped.initial().first())) {
            return lower.states(texts);
        }
    }

    /** What a tuning depends on: the model, the settings and every labelled text. */
    private String key(List<String> texts, int[] labels, int classes) {
        MessageDigest digest = sha256();
        digest.update(model().digest());
        digest.update((settings + "|" + classes).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < texts.size(); i++) {
            digest.update((labels[i] + "\u0000" + texts.get(i) + "\u0000").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public void close() {
        products.close();
    }
}
