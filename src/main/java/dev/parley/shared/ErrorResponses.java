package dev.parley.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page every error ends on that no controller advice answered (the server's and Spring's own 4xx,
 * {@code sendError}, unknown paths, wrong methods): a problem under {@code /api/**}, the dashboard's problem page
 * elsewhere. Opening {@code /error} itself is a 404. Replaces Spring Boot's whitelabel error controller.
 */
@Controller
class ErrorResponses implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = detail(request, status);
        BusyException busy = null;
        if (Overload.causedBy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // a filter (sign-in, API token, session) found no free database connection in time: the same 503 a
            // controller gives (problem type urn:parley:problem:busy, Retry-After)
            log.warn("Answered 503: no database connection came free in time for {}", path);
            busy = Overload.busy();
            status = busy.status();
            detail = busy.getMessage();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
        }
        if (ProblemAudience.wantsProblem(request.getContextPath(), path, request.getHeader("Accept"))) {
            ProblemDetail problem;
            if (busy != null) {
                problem = busy.problem();
            } else {
                problem = ProblemDetail.forStatusAndDetail(status, detail);
                problem.setTitle(status.getReasonPhrase());
            }
            if (path != null) {
                problem.setInstance(URI.create(path.replaceAll("[^\\x21-\\x7e]", "")));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if (busy != null) {
            // the dashboard's problem page would open a session, and sessions are kept in the database
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(PlainPage.of(status.getReasonPhrase(), detail));
        }
        return PageProblems.page(status, status.getReasonPhrase(), detail);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || status.value() < 400 ? HttpStatus.NOT_FOUND : status;
    }

    private static String detail(HttpServletRequest request, HttpStatus status) {
        if (status.is5xxServerError()) {
            return "Something went wrong on our side. Nothing you sent was lost; please try again.";
        }
        if (status == HttpStatus.NOT_FOUND) {
            return "There is nothing at this address.";
        }
        // A message given with sendError (by this application or the framework) says what was wrong; an
        // exception's message may say internal things and is not shown.
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        boolean fromException = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
        return message instanceof String text && !text.isBlank() && !fromException ? text
                : "The request cannot be handled (" + status.getReasonPhrase() + ").";
    }
}
