package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.ImportFailed;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Adds where a broken import file broke ({@code file}, {@code line}) to the problem the client gets. */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler(ImportFailed.class)
    ResponseEntity<ProblemDetail> importFailed(ImportFailed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        if (e.file() != null) {
            problem.setProperty("file", e.file());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }
}
