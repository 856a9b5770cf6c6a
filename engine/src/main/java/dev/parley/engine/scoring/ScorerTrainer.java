package dev.parley.engine.scoring;

import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.runtime.TextEmbeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link ArticleScorer}: embeds every article's texts, trains the base models, and fits the
 * confidence calibrator on cross-validated predictions over the articles' own examples (see
 * {@link HeldOutPredictions}); no labelled questions are needed at run time.
 */
public final class ScorerTrainer {

    private static final Logger log = LoggerFactory.getLogger(ScorerTrainer.class);

    private final TextEmbeddings embeddings;
    private final Options options;
    private final EncoderTuning tuning;

    public ScorerTrainer(TextEmbeddings embeddings, Options options) {
        this(embeddings, options, null);
    }

    /** With {@code tuning}, knowledge bases with example questions get an encoder fine-tuned on them. */
    public ScorerTrainer(TextEmbeddings embeddings, Options options, EncoderTuning tuning) {
        this.embeddings = embeddings;
        this.options = options;
        this.tuning = tuning;
    }

    /**
     * @param folds cross-validation folds for calibration
     * @param outOfScopeShare the share of incoming questions assumed to be out of scope when weighting
     *        the simulated out-of-scope questions (held-out articles) against in-scope ones
     */
    public record Options(int folds, double outOfScopeShare, int maxHeldOutPerFold, long seed) {

        public static Options defaults() {
            return new Options(4, 0.2, 1500, 42);
        }
    }

    /** The scorer on the shipped encoder: quick, so that knowledge changes take effect within seconds. */
    public <A extends TrainingArticle> ArticleScorer<A> train(List<A> articles, long version) {
        Labelled labelled = Labelled.of(articles);
        if (labelled.texts().isEmpty()) {
            return ArticleScorer.empty(version);
        }
        return train(articles, version, labelled, embeddings, null, null);
    }

    /**
     * Knowledge bases with more example questions per article than this, on average, keep the shipped encoder: their
     * classifier draws the articles' boundaries from the examples alone, tuning gains them little and costs half an
     * hour per change, and it pulls questions on neighbouring topics the knowledge base does not cover onto its
     * articles (ADR 0010).
     */
    static final int MAX_EXAMPLES_PER_ARTICLE_TO_TUNE = 30;

    /**
     * Whether {@link #trainTuned} applies: tuning is on, most articles have example questions, and not many per
     * article.
     */
    public boolean tunes(List<? extends TrainingArticle> articles) {
        long examples = articles.stream().mapToLong(a -> a.examples().size()).sum();
        return tuning != null && articles.size() > 1 && prose(articles) * 2 <= articles.size()
                && examples <= (long) MAX_EXAMPLES_PER_ARTICLE_TO_TUNE * articles.size();
    }

    /**
     * The scorer on an encoder fine-tuned on these articles' titles and examples (minutes of background work
     * for a large knowledge base; a stored tuning of the same texts is reused).
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true first
     */
    public <A extends TrainingArticle> ArticleScorer<A> trainTuned(List<A> articles, long version,
            BooleanSupplier cancelled) {
        if (!tunes(articles)) {
            throw new IllegalStateException("encoder tuning is off or does not apply to these articles");
        }
        Labelled labelled = Labelled.of(articles);
        List<String> texts = labelled.texts();
        TunedEncoder encoder = tuning.tune(texts, labelled.labels(), articles.size(), cancelled);
        HeldOutPredictions.FoldVectors folds = (rows, labels, classes) -> {
            List<String> foldTexts = java.util.Arrays.stream(rows).mapToObj(texts::get).toList();
            try (TunedEncoder fold = tuning.tune(foldTexts, labels, classes, cancelled)) {
                return fold.embedAll(texts);
            }
        };
        return train(articles, version, labelled, encoder, encoder, folds);
    }

    private <A extends TrainingArticle> ArticleScorer<A> train(List<A> articles, long version, Labelled labelled,
            TextEmbeddings encoder, TunedEncoder tuned, HeldOutPredictions.FoldVectors folds) {
        List<float[]> vectors;
        try {
            vectors = encoder.embedAll(labelled.texts());
        } catch (RuntimeException e) {
            // One text the model refuses must not cost every article its answers: leave out only that text.
            labelled = labelled.embeddable(encoder, articles);
            if (labelled.texts().isEmpty()) {
                return ArticleScorer.empty(version);
            }
            vectors = encoder.embedAll(labelled.texts());
        }
        List<String> texts = labelled.texts();
        int[] labels = labelled.labels();
        SoftmaxClassifier.Training training = SoftmaxClassifier.Training.defaults();
        double lexicalWeight = prose(articles) * 2 > articles.size() ? Ranking.PROSE_LEXICAL_WEIGHT : Ranking.LEXICAL_WEIGHT;
        ArticleModel model = ArticleModel.train(texts, vectors, labels, articles.size(), training, lexicalWeight);
        List<ConfidenceCalibrator.Sample> samples = new HeldOutPredictions(texts, vectors, labels, articles.size(),
                options, training, lexicalWeight, folds).collect();
        ConfidenceCalibrator calibrator = hasBothOutcomes(samples)
                ? ConfidenceCalibrator.fit(samples) : ConfidenceCalibrator.uncalibrated();
        return new ArticleScorer<>(version, articles, model, calibrator, tuned);
    }

    private static long prose(List<? extends TrainingArticle> articles) {
        return articles.stream().filter(a -> a.examples().isEmpty()).count();
    }

    /** Every article's training texts, each labelled with its article's position. */
    record Labelled(List<String> texts, int[] labels) {

        static Labelled of(List<? extends TrainingArticle> articles) {
            List<String> texts = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            Predicate<String> boilerplate = prose(articles) == 0 ? passage -> false
                    : SharedWording.of(articles)::boilerplate;
            for (int a = 0; a < articles.size(); a++) {
                for (String text : TrainingTexts.of(articles.get(a), boilerplate)) {
                    texts.add(text);
                    owners.add(a);
                }
            }
            return new Labelled(texts, owners.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Only the texts the encoder embeds one by one; each one left out is logged with its article. */
        Labelled embeddable(TextEmbeddings encoder, List<? extends TrainingArticle> articles) {
            List<String> kept = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    encoder.embed(texts.get(i));
                    kept.add(texts.get(i));
                    owners.add(labels[i]);
                } catch (RuntimeException e) {
                    log.warn("Article {}: the text '{}' cannot be embedded and is left out of training ({})",
                            articles.get(labels[i]).id(), texts.get(i), e.getMessage());
                }
            }
            return new Labelled(kept, owners.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static boolean hasBothOutcomes(List<ConfidenceCalibrator.Sample> samples) {
        long right = samples.stream().filter(ConfidenceCalibrator.Sample::correct).count();
        return samples.size() >= 20 && right > 0 && right < samples.size();
    }
}
