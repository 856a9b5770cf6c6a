package dev.parley.assistant.internal.scoring;

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
 */
public final class ScorerStore {

    private static final Logger log = LoggerFactory.getLogger(ScorerStore.class);
    static final String FORMAT = "parley-scorer-v1";
    static final String PREFIX = "models/scorer/";
    private static final ObjectInputFilter ONLY_SCORER_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=1000000;dev.parley.engine.scoring.*;java.lang.*;java.util.*;!*");

    private final FileStorage files;
    private final String trainedWith;

    /** {@code trainedWith} names the training options: a scorer trained with others is not reused. */
    public ScorerStore(FileStorage files, String trainedWith) {
        this.files = files;
        this.trainedWith = trainedWith;
    }

    /** A store in a local directory (tests, tools). */
    public ScorerStore(Path directory, String trainedWith) {
        this(FileStorage.inDirectory(directory), trainedWith);
    }

    public Optional<ArticleScorer<KnowledgeArticle>> load(List<KnowledgeArticle> articles, long version) {
        String digest = digest(articles);
        StorageKey key = key(digest);
        try {
            Optional<InputStream> stored = files.get(key);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = stored.get(); ObjectInputStream objects = new ObjectInputStream(in)) {
                objects.setObjectInputFilter(ONLY_SCORER_CLASSES);
                if (!FORMAT.equals(objects.readObject()) || !digest.equals(objects.readObject())) {
                    return Optional.empty();
                }
                ArticleModel model = (ArticleModel) objects.readObject();
                ConfidenceCalibrator calibrator = (ConfidenceCalibrator) objects.readObject();
                return Optional.of(new ArticleScorer<>(version, articles, model, calibrator, null));
            }
        } catch (IOException | UncheckedIOException | ClassNotFoundException | ClassCastException
                | IllegalArgumentException e) {
            log.warn("The stored assistant scorer {} could not be read; training a new one", key, e);
            return Optional.empty();
        }
    }

    /** Whether a scorer for these articles is stored (without reading it). */
    public boolean has(List<KnowledgeArticle> articles) {
        try {
            return files.exists(key(digest(articles)));
        } catch (UncheckedIOException e) {
            log.warn("Could not look for a stored assistant scorer ({})", e.toString());
            return false;
        }
    }

    /** Writes a scorer on the shipped encoder (a tuned one depends on its encoder and is not stored here). */
    public void save(ArticleScorer<KnowledgeArticle> scorer) {
        if (scorer.encoder().isPresent() || scorer.model() == null) {
            return;
        }
        String digest = digest(scorer.articles());
        StorageKey key = key(digest);
        try {
            var bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
                objects.writeObject(FORMAT);
                objects.writeObject(digest);
                objects.writeObject(scorer.model());
                objects.writeObject(scorer.calibrator());
            }
            files.put(key, bytes.toByteArray());
            files.list(PREFIX).stream().filter(other -> !other.equals(key)).forEach(files::delete);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not store the assistant scorer as {}; other nodes and the next start train again", key, e);
        }
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
