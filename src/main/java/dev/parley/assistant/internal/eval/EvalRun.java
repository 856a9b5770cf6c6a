package dev.parley.assistant.internal.eval;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.AssistantDecision;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.assistant.internal.TrainedScorer;
import dev.parley.engine.encoder.EncoderTuning;
import dev.parley.engine.encoder.TunedEncoder;
import dev.parley.engine.eval.Metrics;
import dev.parley.engine.eval.Scored;
import dev.parley.engine.eval.ThresholdCalibration;
import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.engine.scoring.ScorerTrainer;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation: trains the production scorer on the KB file (through {@link TrainedScorer}, as the
 * application does), optionally picks the threshold on a labelled file, and runs every question
 * through the production {@link KnowledgeAssistant}, one at a time on this thread.
 */
public final class EvalRun {

    private static final int WARM_UP = 200;

    private final EvalOptions options;
    private final TextEmbeddings embeddings;

    EvalRun(EvalOptions options, TextEmbeddings embeddings) {
        this.options = options;
        this.embeddings = embeddings;
    }

    Map<String, Object> run() {
        var articles = EvalFiles.articles(options.kb());
        Map<String, Object> generated = null;
        if (options.generation() != null) {
            var written = generateQuestions(articles);
            articles = written.articles();
            generated = written.summary();
        }
        var kb = new StaticKnowledgeBase(articles, 1);
        var defaults = ScorerTrainer.Options.defaults();
        var trainerOptions = new ScorerTrainer.Options(defaults.folds(), options.outOfScopeShare(),
                defaults.maxHeldOutPerFold(), defaults.seed());
        var tuning = options.tuneEncoder() ? new EncoderTuning() : null;
        var scorer = new TrainedScorer(kb, new ScorerTrainer(embeddings, trainerOptions, tuning));
        long started = System.nanoTime();
        scorer.refresh().join();
        double trainingSeconds = (System.nanoTime() - started) / 1e9;
        scorer.destroy();
        if (tuning != null) {
            tuning.close();
        }
        AssistantSettings settings = AssistantSettings.defaults();
        if (!options.withSignals()) {
            settings = settings.withoutCustomerSignals();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        double threshold = options.threshold() != null ? options.threshold() : settings.confidenceThreshold();
        if (options.calibrateOn() != null) {
            var dev = evaluate(new KnowledgeAssistant(scorer, embeddings, settings.withThreshold(0)),
                    EvalFiles.questions(options.calibrateOn()));
            var calibration = ThresholdCalibration.pick(dev, options.targetPrecision(), options.outOfScopeShare(),
                    options.minOutOfScopeRecall());
            threshold = calibration.threshold();
            report.put("calibration", Map.of("file", options.calibrateOn().toString(),
                    "targetPrecision", options.targetPrecision(), "outOfScopeShare", calibration.outOfScopeShare(),
                    "minOosRecall", options.minOutOfScopeRecall(),
                    "expectedPrecision", calibration.expectedPrecision(), "reached", calibration.reached()));
            forgetQuestions(scorer);
        }
        var assistant = new KnowledgeAssistant(scorer, embeddings, settings.withThreshold(threshold));
        var questions = EvalFiles.questions(options.queries());
        // Warm the JIT up on a few questions first (not measured, and embedded afresh when measured).
        evaluate(assistant, questions.subList(0, Math.min(WARM_UP, questions.size())));
        forgetQuestions(scorer);
        var results = evaluate(assistant, questions);
        report.put("kb", options.kb().toString());
        report.put("articles", articles.size());
        report.put("queries", options.queries().toString());
        report.put("trainingSeconds", Math.round(trainingSeconds * 10) / 10.0);
        report.put("encoderTuned", scorer.current().encoder().isPresent());
        if (generated != null) {
            report.put("generatedQuestions", generated);
        }
        Metrics metrics = Metrics.of(results, threshold);
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("n", metrics.n());
        flat.put("inScope", metrics.inScope());
        flat.put("outOfScope", metrics.outOfScope());
        flat.put("answered", metrics.answered());
        flat.put("top1Accuracy", metrics.top1Accuracy());
        flat.put("threshold", metrics.threshold());
        flat.put("deflection", metrics.deflection());
        flat.put("precision", metrics.precision());
        flat.put("oosRecall", metrics.oosRecall());
        flat.put("ece", metrics.ece());
        flat.put("latencyMsP50", metrics.latencyMsP50());
        flat.put("latencyMsP95", metrics.latencyMsP95());
        flat.putAll(report);
        var byId = new java.util.HashMap<String, dev.parley.knowledge.KnowledgeArticle>();
        articles.forEach(article -> byId.put(article.id(), article));
        flat.put("answers", AnswerLengths.measure(new KnowledgeAssistant(scorer, embeddings, settings.withThreshold(0)),
                questions, byId::get));
        flat.put("mistakes", mistakes(results));
        return flat;
    }

    /** Has the model write questions; saves them when asked to. */
    private GeneratedExamples.Result generateQuestions(List<KnowledgeArticle> articles) {
        var generation = options.generation();
        var written = GeneratedExamples.openAi(generation).write(articles);
        if (generation.save() != null) {
            record Line(String id, String title, List<String> questions) {
            }
            EvalFiles.writeLines(generation.save(), written.written().stream()
                    .map(w -> new Line(w.id(), w.title(), w.questions())).toList());
        }
        return written;
    }

    /** The questions it got wrong, most confident first: where to add an example or fix an article. */
    private static List<Map<String, Object>> mistakes(List<Scored> results) {
        return results.stream().filter(Scored::mistaken)
                .sorted(java.util.Comparator.comparingDouble(Scored::confidence).reversed())
                .map(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("question", r.question());
                    row.put("expected", r.expected());
                    row.put("best", r.best());
                    row.put("confidence", Math.round(r.confidence() * 1000) / 1000.0);
                    row.put("answered", r.answered());
                    return row;
                })
                .toList();
    }

    private void forgetQuestions(TrainedScorer scorer) {
        if (embeddings instanceof EvalEmbeddings eval) {
            eval.forgetQuestions();
        }
        scorer.current().encoder().filter(TunedEncoder.class::isInstance).map(TunedEncoder.class::cast)
                .ifPresent(TunedEncoder::forget);
    }

    static List<Scored> evaluate(KnowledgeAssistant assistant, List<EvalFiles.LabelledQuestion> questions) {
        List<Scored> results = new ArrayList<>(questions.size());
        for (var question : questions) {
            long start = System.nanoTime();
            AssistantDecision decision = assistant.decide(question.question(), List.of());
            double millis = (System.nanoTime() - start) / 1e6;
            String best = decision.best().map(ScoredArticle::article).map(a -> a.id()).orElse(null);
            double confidence = decision.best().map(ScoredArticle::confidence).orElse(0.0);
            results.add(new Scored(question.question(), question.expected(), best, confidence, !decision.outcome().escalates(),
                    millis));
        }
        return results;
    }
}
