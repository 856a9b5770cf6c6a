package dev.parley.assistant.internal.scoring;

import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.TextEmbeddings;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link ArticleScorer}: embeds every article's texts, trains the base models, and fits the
 * confidence calibrator on cross-validated predictions over the articles' own examples (see
 * {@link HeldOutPredictions}); no labelled questions are needed at run time.
 */
public final class ScorerTrainer {

    private final TextEmbeddings embeddings;
    private final Options options;

    public ScorerTrainer(TextEmbeddings embeddings, Options options) {
        this.embeddings = embeddings;
        this.options = options;
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

    public ArticleScorer train(List<KnowledgeArticle> articles, long version) {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            for (String text : TrainingTexts.of(articles.get(a))) {
                texts.add(text);
                owners.add(a);
            }
        }
        if (texts.isEmpty()) {
            return ArticleScorer.empty(version);
        }
        List<float[]> vectors = embeddings.embedAll(texts);
        int[] labels = owners.stream().mapToInt(Integer::intValue).toArray();
        SoftmaxClassifier.Training training = SoftmaxClassifier.Training.defaults();
        long prose = articles.stream().filter(a -> a.examples().isEmpty()).count();
        double lexicalWeight = prose * 2 > articles.size() ? Ranking.PROSE_LEXICAL_WEIGHT : Ranking.LEXICAL_WEIGHT;
        ArticleModel model = ArticleModel.train(texts, vectors, labels, articles.size(), training, lexicalWeight);
        List<ConfidenceCalibrator.Sample> samples = new HeldOutPredictions(texts, vectors, labels, articles.size(),
                options, training, lexicalWeight).collect();
        ConfidenceCalibrator calibrator = hasBothOutcomes(samples)
                ? ConfidenceCalibrator.fit(samples) : ConfidenceCalibrator.uncalibrated();
        return new ArticleScorer(version, articles, model, calibrator);
    }

    private static boolean hasBothOutcomes(List<ConfidenceCalibrator.Sample> samples) {
        long right = samples.stream().filter(ConfidenceCalibrator.Sample::correct).count();
        return samples.size() >= 20 && right > 0 && right < samples.size();
    }
}
