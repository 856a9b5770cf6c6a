package dev.parley.hostile;

import dev.parley.hostile.HostileWire.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an answer to hostile input owes its caller: never a 5xx; a problem on the API, an HTML page on pages. */
final class ErrorFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorFormat() {
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    static String check(Endpoint endpoint, Answer answer, boolean refusedByServer) {
        if (answer.status() >= 500) {
            return "answered " + answer.status() + " " + answer.contentType() + ": " + cut(answer.body());
        }
        if (answer.status() < 400) {
            return null;
        }
        if (refusedByServer && (answer.status() == 400 || answer.status() == 414 || answer.status() == 431)) {
            // the server refuses it before the address is known, so whether it is an API call cannot be told: our
            // short page or our problem, never the server's own page
            return answer.body().contains("\"detail\"") || answer.body().contains("<p role=\"alert\">") ? null
                    : "400 for a head over the size limit that is not ours: " + cut(answer.body());
        }
        if (endpoint.surface().api()) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return answer.status() + " as " + answer.contentType() + " instead of a problem: " + cut(answer.body());
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (blank(problem.path("title").asString("")) || blank(problem.path("detail").asString(""))) {
                    return answer.status() + " problem without a title or detail: " + cut(answer.body());
                }
            } catch (RuntimeException e) {
                return answer.status() + " problem that is not JSON: " + cut(answer.body());
            }
            return null;
        }
        if (!answer.contentType().startsWith("text/html")) {
            return answer.status() + " page error as " + answer.contentType() + " instead of HTML: " + cut(answer.body());
        }
        if (!answer.body().contains("<html") || answer.body().contains("Whitelabel Error Page")) {
            return answer.status() + " page error that is not a page of ours: " + cut(answer.body());
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String cut(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
