package dev.parley.assistant.internal.eval;

import dev.parley.assistant.AssistantSettings;
import dev.parley.assistant.internal.AssistantDecision;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.engine.eval.Metrics;
import dev.parley.engine.eval.Scored;
import dev.parley.engine.eval.ThresholdCalibration;
import dev.parley.engine.scoring.ScoredArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin test bench: runs questions through the production pipeline (the same decision a customer's first
 * message gets) and reports per question and, for labelled questions, the eval command's figures and the threshold
 * that reaches a target precision. Saved sets remember each question's latest result, so a re-run after knowledge
 * changes lists the questions that got worse.
 */
@Service
public class QuestionSets {

    private static final int ANSWER_PREVIEW = 300;

    private final KnowledgeAssistant assistant;
    private final KnowledgeBase knowledge;
    private final AssistantSettings settings;
    private final QuestionSetRepository repository;
    private final Clock clock;

    QuestionSets(KnowledgeAssistant assistant, KnowledgeBase knowledge, AssistantSettings settings,
            QuestionSetRepository repository, Clock clock) {
        this.assistant = assistant;
        this.knowledge = knowledge;
        this.settings = settings;
        this.repository = repository;
        this.clock = clock;
    }

    public BenchReport run(List<BenchQuestion> questions, double targetPrecision) {
        return run(questions, targetPrecision, List.of());
    }

    public List<SavedQuestionSet> saved() {
        return repository.all();
    }

    @Transactional
    public String save(String name, List<BenchQuestion> questions) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw ApiException.badRequest("A test set needs a name of 1-200 characters");
        }
        String id = UUID.randomUUID().toString();
        repository.insert(id, n, questions, clock.instant());
        return id;
    }

    /** Runs a saved set, records its results and names the questions that were right last time and are not now. */
    @Transactional
    public BenchReport runSaved(String id, double targetPrecision) {
        repository.name(id).orElseThrow(() -> ApiException.notFound("Test set " + id));
        List<BenchQuestion> questions = repository.questions(id);
        BenchReport report = run(questions, targetPrecision, repository.lastRight(id));
        repository.recordRun(id, report);
        return report;
    }

    public String name(String id) {
        return repository.name(id).orElseThrow(() -> ApiException.notFound("Test set " + id));
    }

    @Transactional
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw ApiException.notFound("Test set " + id);
        }
    }

    private BenchReport run(List<BenchQuestion> questions, double targetPrecision, List<Boolean> before) {
        if (targetPrecision < 0.5 || targetPrecision > 0.999) {
            throw ApiException.badRequest("target precision must be between 0.5 and 0.999");
        }
        long version = knowledge.version();
        List<BenchReport.Row> rows = new ArrayList<>();
        List<Scored> scored = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            BenchQuestion q = questions.get(i);
            long start = System.nanoTime();
            AssistantDecision decision = assistant.decide(q.question(), List.of());
            double millis = (System.nanoTime() - start) / 1e6;
            var best = decision.best();
            String articleId = best.map(ScoredArticle::article).map(a -> a.id()).orElse(null);
            double confidence = best.map(ScoredArticle::confidence).orElse(0.0);
            boolean escalates = decision.outcome().escalates();
            Boolean right = null;
            if (q.labelled()) {
                Scored s = new Scored(q.question(), q.expected(), articleId, confidence, !escalates, millis);
                scored.add(s);
                right = q.expected() == null ? escalates : s.answeredRight();
                if (i < before.size() && Boolean.TRUE.equals(before.get(i)) && !right) {
                    regressions.add(q.question());
                }
            }
            String answer = decision.outcome().replyText();
            rows.add(new BenchReport.Row(q.question(), q.expected(), q.labelled(), articleId,
                    best.map(b -> b.article().title()).orElse(null), confidence, escalates,
                    escalates && decision.outcome().escalationReason() != null
                            ? decision.outcome().escalationReason().name() : null,
                    preview(answer), right));
        }
        List<String> unknown = questions.stream().map(BenchQuestion::expected).filter(java.util.Objects::nonNull)
                .distinct().filter(id -> knowledge.article(id).isEmpty()).toList();
        return new BenchReport(rows, summary(scored, targetPrecision), regressions, unknown, version,
                settings.confidenceThreshold(), clock.instant());
    }

    private BenchReport.Summary summary(List<Scored> scored, double targetPrecision) {
        if (scored.isEmpty()) {
            return null;
        }
        Metrics m = Metrics.of(scored, settings.confidenceThreshold());
        ThresholdCalibration t = ThresholdCalibration.pick(scored, targetPrecision, settings.outOfScopeShare());
        return new BenchReport.Summary(m.n(), m.inScope(), m.outOfScope(), m.top1Accuracy(), m.deflection(),
                m.precision(), m.oosRecall(), targetPrecision, t.threshold(), t.expectedPrecision(), t.reached());
    }

    private static String preview(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= ANSWER_PREVIEW ? text : text.substring(0, ANSWER_PREVIEW - 1).strip() + "…";
    }
}
