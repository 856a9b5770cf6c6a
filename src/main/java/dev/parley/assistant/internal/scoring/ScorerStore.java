package dev.parley.assistant.internal.scoring;

import dev.parley.knowledge.KnowledgeArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last scorer trained on the shipped encoder, kept in one file under the data directory so a restart with
 * unchanged knowledge answers within seconds instead of retraining. It is used only when the published articles
 * are exactly the ones it was trained on (a digest of every article's id, title, body, locale and examples) and it
 * was written by this format; anything else, or a damaged file, means training as usual. Reading accepts only the
 * scorer's own classes, arrays and java.util collections.
 */
public final class ScorerStore {

    private static final Logger log = LoggerFactory.getLogger(ScorerStore.class);
    static final String FORMAT = "parley-scorer-v1";
    private static final ObjectInputFilter ONLY_SCORER_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=1000000;dev.parley.assistant.internal.scoring.*;java.lang.*;java.util.*;!*");

    private final Path file;
    private final String trainedWith;

    /** {@code trainedWith} names the training options: a scorer trained with others is not reused. */
    public ScorerStore(Path directory, String trainedWith) {
        this.file = directory.resolve("scorer.bin");
        this.trainedWith = trainedWith;
    }

    public Optional<ArticleScorer> load(List<KnowledgeArticle> articles, long version) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(ONLY_SCORER_CLASSES);
            if (!FORMAT.equals(objects.readObject()) || !digest(articles).equals(objects.readObject())) {
                return Optional.empty();
            }
            ArticleModel model = (ArticleModel) objects.readObject();
            ConfidenceCalibrator calibrator = (ConfidenceCalibrator) objects.readObject();
            return Optional.of(new ArticleScorer(version, articles, model, calibrator, null));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            log.warn("The stored assistant scorer at {} could not be read; training a new one", file, e);
            return Optional.empty();
        }
    }

    /** Writes a scorer on the shipped encoder (a tuned one depends on its encoder and is not stored here). */
    public void save(ArticleScorer scorer) {
        if (scorer.encoder().isPresent() || scorer.model() == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "scorer", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary);
                    ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(FORMAT);
                objects.writeObject(digest(scorer.articles()));
                objects.writeObject(scorer.model());
                objects.writeObject(scorer.calibrator());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not store the assistant scorer at {}; the next start trains again", file, e);
        }
    }

    String digest(List<KnowledgeArticle> articles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
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
