package dev.parley.engine.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Cross-validated predictions over the knowledge base's own examples, the data the calibrator learns
 * from. Each fold holds out a slice of every article's examples (in-scope questions: right or wrong)
 * and, when there are enough articles, a whole group of articles (their examples stand in for
 * out-of-scope questions, which must not be answered). Out-of-scope samples are weighted to the
 * assumed out-of-scope share, so the confidence means P(right) under that traffic mix.
 */
final class HeldOutPredictions {

    private static final int MIN_ARTICLES_FOR_OUT_OF_SCOPE = 4;

    private final List<String> texts;
    private final List<float[]> vectors;
    private final int[] labels;
    private final int classes;
    private final ScorerTrainer.Options options;
    private final SoftmaxClassifier.Training training;
    private final double lexicalWeight;
    private final FoldVectors foldVectors;

    /**
     * Every text's vector as one fold sees it, when the encoder itself is trained on the knowledge base: an
     * encoder tuned on the fold's training texts only, so that held-out texts look to it as new questions do.
     */
    interface FoldVectors {

        /** @param trainRows the fold's training texts, labelled {@code trainLabels} (0 to {@code classes - 1}) */
        List<float[]> of(int[] trainRows, int[] trainLabels, int classes);
    }

    HeldOutPredictions(List<String> texts, List<float[]> vectors, int[] labels, int classes, ScorerTrainer.Options options,
            SoftmaxClassifier.Training training, double lexicalWeight) {
        this(texts, vectors, labels, classes, options, training, lexicalWeight, null);
    }

    HeldOutPredictions(List<String> texts, List<float[]> vectors, int[] labels, int classes, ScorerTrainer.Options options,
            SoftmaxClassifier.Training training, double lexicalWeight, FoldVectors foldVectors) {
        this.foldVectors = foldVectors;
        this.texts = texts;
        this.vectors = vectors;
        this.labels = labels;
        this.classes = classes;
        this.options = options;
        this.training = training;
        this.lexicalWeight = lexicalWeight;
    }

    List<ConfidenceCalibrator.Sample> collect() {
        int folds = options.folds();
        Random random = new Random(options.seed());
        int[] group = groups(random, folds);
        int[] fold = folds(folds);
        List<ScoreFeatures> inScope = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        List<ScoreFeatures> outOfScope = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            int[] remap = new int[classes];
            java.util.Arrays.fill(remap, -1);
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            int seen = 0;
            for (int i = 0; i < labels.length; i++) {
                if (fold[i] != k && group[labels[i]] != k) {
                    if (remap[labels[i]] < 0) {
                        remap[labels[i]] = seen++;
                    }
                    trainRows.add(i);
                    trainLabels.add(remap[labels[i]]);
                }
            }
            if (seen == 0) {
                continue;
            }
            List<float[]> vectors = foldVectors == null ? this.vectors : foldVectors.of(
                    trainRows.stream().mapToInt(Integer::intValue).toArray(),
                    trainLabels.stream().mapToInt(Integer::intValue).toArray(), seen);
            List<String> trainTexts = trainRows.stream().map(texts::get).toList();
            List<float[]> trainVectors = trainRows.stream().map(vectors::get).toList();
            ArticleModel model = ArticleModel.train(trainTexts, trainVectors,
                    trainLabels.stream().mapToInt(Integer::intValue).toArray(), seen, training, lexicalWeight);
            for (int i : heldOut(k, fold, random)) {
                Ranking.Ranked ranked = model.rank(texts.get(i), vectors.get(i));
                if (remap[labels[i]] >= 0) {
                    inScope.add(ranked.features());
                    right.add(remap[labels[i]] == ranked.best());
                } else {
                    outOfScope.add(ranked.features());
                }
            }
        }
        return weighted(inScope, right, outOfScope);
    }

    private List<ConfidenceCalibrator.Sample> weighted(List<ScoreFeatures> inScope, List<Boolean> right,
            List<ScoreFeatures> outOfScope) {
        List<ConfidenceCalibrator.Sample> samples = new ArrayList<>();
        for (int i = 0; i < inScope.size(); i++) {
            samples.add(new ConfidenceCalibrator.Sample(inScope.get(i), right.get(i), 1.0));
        }
        if (!outOfScope.isEmpty()) {
            double share = options.outOfScopeShare();
            double weight = inScope.size() * share / (1 - share) / outOfScope.size();
            for (ScoreFeatures features : outOfScope) {
                samples.add(new ConfidenceCalibrator.Sample(features, false, weight));
            }
        }
        return samples;
    }

    /** Articles split into groups held out together; none held out when there are too few articles. */
    private int[] groups(Random random, int folds) {
        if (classes < MIN_ARTICLES_FOR_OUT_OF_SCOPE) {
            int[] none = new int[classes];
            java.util.Arrays.fill(none, -1);
            return none;
        }
        return Folds.shuffled(classes, folds, random);
    }

    /** Each article's texts dealt round-robin over the folds, starting at a different fold per article. */
    private int[] folds(int folds) {
        int[] fold = new int[labels.length];
        int[] count = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            fold[i] = (count[labels[i]]++ + labels[i]) % folds;
        }
        return fold;
    }

    private List<Integer> heldOut(int k, int[] fold, Random random) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == k) {
                rows.add(i);
            }
        }
        java.util.Collections.shuffle(rows, random);
        return rows.subList(0, Math.min(rows.size(), options.maxHeldOutPerFold()));
    }
}
