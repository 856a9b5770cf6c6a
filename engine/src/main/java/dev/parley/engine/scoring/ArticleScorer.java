package dev.parley.engine.scoring;

import dev.parley.engine.runtime.TextEmbeddings;
import java.util.List;
import java.util.Optional;

/**
 * A trained, immutable scorer over one version of the published articles: picks the best article
 * for a question embedding and says how likely it is to be the right one.
 *
 * @param <A> the caller's article type, handed back with each score
 */
public final class ArticleScorer<A extends TrainingArticle> {

    private final long version;
    private final List<A> articles;
    private final ArticleModel model;
    private final ConfidenceCalibrator calibrator;
    private final TextEmbeddings encoder;

    /** A scorer from its trained parts, e.g. read back from a store ({@link #model()}, {@link #calibrator()}). */
    public ArticleScorer(long version, List<A> articles, ArticleModel model, ConfidenceCalibrator calibrator,
            TextEmbeddings encoder) {
        this.version = version;
        this.articles = List.copyOf(articles);
        this.model = model;
        this.calibrator = calibrator;
        this.encoder = encoder;
    }

    public static <A extends TrainingArticle> ArticleScorer<A> empty(long version) {
        return new ArticleScorer<>(version, List.of(), null, ConfidenceCalibrator.uncalibrated(), null);
    }

    /**
     * The encoder this scorer was trained on when it is not the shipped one (fine-tuned on this version of
     * the knowledge base): questions must be embedded with it.
     */
    public Optional<TextEmbeddings> encoder() {
        return Optional.ofNullable(encoder);
    }

    public Optional<ScoredArticle<A>> score(String text, float[] question) {
        if (model == null) {
            return Optional.empty();
        }
        Ranking.Ranked ranked = model.rank(text, question);
        double confidence = calibrator.confidence(ranked.features());
        return Optional.of(new ScoredArticle<>(articles.get(ranked.best()), confidence, ranked.features()));
    }

    /**
     * The best article among those {@code allowed}, e.g. the ones in the customer's language; empty when
     * none is allowed.
     */
    public Optional<ScoredArticle<A>> score(String text, float[] question,
            java.util.function.Predicate<? super A> allowed) {
        if (model == null) {
            return Optional.empty();
        }
        boolean[] mask = new boolean[articles.size()];
        boolean any = false;
        for (int a = 0; a < mask.length; a++) {
            mask[a] = allowed.test(articles.get(a));
            any |= mask[a];
        }
        if (!any) {
            return Optional.empty();
        }
        Ranking.Ranked ranked = model.rank(text, question, mask);
        return Optional.of(new ScoredArticle<>(articles.get(ranked.best()), calibrator.confidence(ranked.features()),
                ranked.features()));
    }

    /** The trained base models (serializable); null for a scorer without articles. */
    public ArticleModel model() {
        return model;
    }

    /** The fitted confidence calibrator (serializable). */
    public ConfidenceCalibrator calibrator() {
        return calibrator;
    }

    public List<A> articles() {
        return articles;
    }

    /** The knowledge version this scorer was trained on. */
    public long version() {
        return version;
    }

    public int articleCount() {
        return articles.size();
    }
}
