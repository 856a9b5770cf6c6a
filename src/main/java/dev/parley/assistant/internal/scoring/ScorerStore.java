package dev.parley.assistant.internal.scoring;

import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.scoring.ArticleModel;
import dev.parley.engine.scoring.ArticleScorer;
import dev.parley.engine.scoring.ConfidenceCalibrator;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scorers trained on the shipped encoder, kept in the file storage under {@code models/scorer/<digest>}, the digest of
 * what they were trained on (the training options and every published article's id, title, body, locale, category,
 * tags and examples). Any node whose published articles have that digest reads the scorer back instead of training:
 * a restart with unchanged knowledge, and every node of a cluster after one worker trained (ADR 0032). A scorer of
 * another format, or a damaged file, counts as missing. Reading accepts only the scorer's own classes, arrays and
 * java.util collections. Storing a scorer removes the others: only the newest knowledge's scorer is wanted.
 * <p>
 * The scorer trained on a tuned encoder is kept beside it under {@code models/tuned-scorer/<digest>}, naming its encoder
 * by {@link TunedEncoder#id()} (what it was tuned on and the digest of its tensors, stored by {@link EncoderTuning}): it
 * is read back only with exactly that encoder, and counts as missing when the encoder is missing, unreadable or another
 * one. It is written after its encoder, so a node that finds it finds the pair.
 */
public final class ScorerStore {

    private static final Logger log = LoggerFactory.getLogger(ScorerStore.class);
    /** v2: prose articles train without boilerplate, passages under their title (ADR 0035); a v1 file trains again. */
    static final String FORMAT = "parley-scorer-v2";
    static final String PREFIX = "models/scorer/";
    static final String TUNED_FORMAT = "parley-tuned-scorer-v2";
    static final String TUNED_PREFIX = "models/tuned-scorer/";
    private static final ObjectInputFilter ONLY_SCORER_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=1000000;dev.parley.engine.scoring.*;java.lang.*;java.util.*;!*");

    private final FileStorage files;
    private final String trainedWith;
    private final EncoderTuning tuning;

    /** {@code trainedWith} names the training options: a scorer trained with others is not reused. */
    public ScorerStore(FileStorage files, String trainedWith) {
        this(files, trainedWith, null);
    }

    /** With {@code tuning}, scorers on tuned encoders are stored too, and read back with their encoder from it. */
    public ScorerStore(FileStorage files, String trainedWith, EncoderTuning tuning) {
        this.files = files;
        this.trainedWith = trainedWith;
        this.tuning = tuning;
    }

    /** A store in a local directory (tests, tools). */
    public ScorerStore(Path directory, String trainedWith) {
        this(FileStorage.inDirectory(directory), trainedWith);
    }

    public Optional<ArticleScorer<KnowledgeArticle>> load(List<KnowledgeArticle> articles, long version) {
        String digest = digest(articles);
        return read(key(digest), FORMAT, digest, objects -> Optional.of(new ArticleScorer<>(version, articles,
                (ArticleModel) objects.readObject(), (ConfidenceCalibrator) objects.readObject(), null)));
    }

    /** Whether a scorer for these articles is stored (without reading it). */
    public boolean has(List<KnowledgeArticle> articles) {
        return exists(key(digest(articles)));
    }

    /** Writes a scorer on the shipped encoder (one on a tuned encoder goes to {@link #saveTuned}). */
    public void save(ArticleScorer<KnowledgeArticle> scorer) {
        if (scorer.encoder().isPresent() || scorer.model() == null) {
            return;
        }
        String digest = digest(scorer.articles());
        write(key(digest), PREFIX, FORMAT, digest, scorer.model(), scorer.calibrator());
    }

    /** Whether a scorer on a tuned encoder is stored for these articles (without reading it or its encoder). */
    public boolean hasTuned(List<KnowledgeArticle> articles) {
        return tuning != null && exists(tunedKey(digest(articles)));
    }

    /** The scorer on a tuned encoder stored for these articles, with exactly the encoder it was trained on. */
    public Optional<ArticleScorer<KnowledgeArticle>> loadTuned(List<KnowledgeArticle> articles, long version) {
        if (tuning == null) {
            return Optional.empty();
        }
        String digest = digest(articles);
        return read(tunedKey(digest), TUNED_FORMAT, digest, objects -> {
            String encoderId = (String) objects.readObject();
            ArticleModel model = (ArticleModel) objects.readObject();
            ConfidenceCalibrator calibrator = (ConfidenceCalibrator) objects.readObject();
            return tuning.stored(encoderId).map(encoder -> new ArticleScorer<>(version, articles, model, calibrator,
                    encoder));
        });
    }

    /** Writes a scorer on a stored tuned encoder, after which other nodes read the pair back; removes older ones. */
    public void saveTuned(ArticleScorer<KnowledgeArticle> scorer) {
        Optional<String> encoderId = scorer.encoder().filter(TunedEncoder.class::isInstance)
                .flatMap(encoder -> ((TunedEncoder) encoder).id());
        if (tuning == null || encoderId.isEmpty() || scorer.model() == null) {
            return;
        }
        String digest = digest(scorer.articles());
        write(tunedKey(digest), TUNED_PREFIX, TUNED_FORMAT, digest, encoderId.get(), scorer.model(),
                scorer.calibrator());
    }

    /** What follows the format and digest in {@code key}'s file; empty when missing, of another format or digest. */
    private Optional<ArticleScorer<KnowledgeArticle>> read(StorageKey key, String format, String digest, Rest rest) {
        try {
            Optional<InputStream> stored = files.get(key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = stored.get(); ObjectInputStream objects = new ObjectInputStream(in)) {
                objects.setObjectInputFilter(ONLY_SCORER_CLASSES);
                if (!format.equals(objects.readObject()) || !digest.equals(objects.readObject())) {
                    return Optional.empty();
                }
                return rest.read(objects);
            }
        } catch (IOException | UncheckedIOException | ClassNotFoundException | ClassCastException
                | IllegalArgumentException e) {
            log.warn("The stored assistant scorer {} could not be read; it counts as missing", key, e);
            return Optional.empty();
        }
    }

    private interface Rest {
        Optional<ArticleScorer<KnowledgeArticle>> read(ObjectInputStream objects) throws IOException, ClassNotFoundException;
    }

    /** Stores {@code objects} under {@code key} and removes the other files under {@code prefix}. */
    private void write(StorageKey key, String prefix, Object... objects) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                for (Object object : objects) {
                    out.writeObject(object);
                }
            }
            files.put(key, bytes.toByteArray());
            files.list(prefix).stream().filter(other -> !other.equals(key)).forEach(files::delete);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not store the assistant scorer as {}; other nodes and the next start make it again", key, e);
        }
    }

    private boolean exists(StorageKey key) {
        try {
            return files.exists(key);
        } catch (UncheckedIOException e) {
            log.warn("Could not look for the stored assistant scorer {} ({})", key, e.toString());
            return false;
        }
    }

    /** As {@link #lockName}, for tuning the encoder on these articles and storing the pair. */
    public String tunedLockName(List<KnowledgeArticle> articles) {
        return "assistant.tuned." + sha256(files + "\n" + digest(articles)).substring(0, 40);
    }

    /**
     * The name of the cluster lock under which these articles' scorer is trained and stored here (64 characters at
     * most, as ShedLock's table holds): named after the store as well, so that nodes that do not share their store
     * (a local directory each) do not wait for each other's training.
     */
    public String lockName(List<KnowledgeArticle> articles) {
        return "assistant.scorer." + sha256(files + "\n" + digest(articles)).substring(0, 40);
    }

    static StorageKey key(String digest) {
        return StorageKey.of(PREFIX + digest);
    }

    static StorageKey tunedKey(String digest) {
        return StorageKey.of(TUNED_PREFIX + digest);
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String digest(List<KnowledgeArticle> articles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FORMAT.getBytes(StandardCharsets.UTF_8));
            sha.update(trainedWith.getBytes(StandardCharsets.UTF_8));
            for (KnowledgeArticle article : articles) {
                for (String part : List.of(article.id(), String.valueOf(article.title()), String.valueOf(article.body()),
                        String.valueOf(article.locale()), String.valueOf(article.category()),
                        String.join("\u001f", article.tags()), String.join("\u001f", article.examples()))) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0x1e);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
