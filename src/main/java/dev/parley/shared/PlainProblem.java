package dev.parley.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem document ({@code application/problem+json}) written by hand where Spring's error handling is not at hand:
 * the server's own refusals ({@link JettyErrorReports}) and requests refused before the dispatcher
 * ({@link RequestShapeFilter}). {@link PlainPage} is its counterpart for browsers.
 */
final class PlainProblem {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlainProblem() {
    }

    static String of(int status, String title, String detail) {
        return JSON.writeValueAsString(Map.of("type", "about:blank", "title", title, "status", status,
                "detail", detail));
    }

    /** The status's reason phrase ("Bad Request"), or "Error 499" for one without. */
    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }
}
