package dev.parley.assistant.web;

import dev.parley.assistant.internal.eval.BenchQuestion;
import dev.parley.assistant.internal.eval.BenchReport;
import dev.parley.assistant.internal.eval.QuestionSets;
import dev.parley.shared.ApiException;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The test bench as an API (admins): run labelled or unlabelled questions, get the same report as the page. */
@RestController
@RequestMapping("/api/v1/admin/assistant/test-runs")
class TestRunController {

    private final QuestionSets sets;

    TestRunController(QuestionSets sets) {
        this.sets = sets;
    }

    @PostMapping
    BenchReport run(@RequestBody TestRun request) {
        if (request == null || request.questions() == null || request.questions().isEmpty()) {
            throw ApiException.badRequest("questions must hold at least one {question, expected?}");
        }
        if (request.questions().size() > BenchQuestion.MAX_QUESTIONS) {
            throw ApiException.badRequest("At most " + BenchQuestion.MAX_QUESTIONS + " questions per run");
        }
        List<BenchQuestion> questions = request.questions().stream().map(q -> {
            if (q == null || q.question() == null || q.question().codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw ApiException.badRequest("every question needs text");
            }
            return new BenchQuestion(q.question(), q.expected(), q.expected() != null || Boolean.TRUE.equals(q.outOfScope()));
        }).toList();
        return sets.run(questions, request.targetPrecision() == null ? 0.95 : request.targetPrecision());
    }

    /** Questions to run; {@code outOfScope: true} marks one the assistant should hand over. */
    record TestRun(List<Question> questions, Double targetPrecision) {
    }

    record Question(String question, String expected, Boolean outOfScope) {
    }
}
