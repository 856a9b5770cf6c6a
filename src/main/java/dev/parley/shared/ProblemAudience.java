package dev.parley.shared;

/**
 * Whether an error is owed as an RFC 9457 problem or as a readable page: a problem under {@code /api/**} and for
 * any client that asks for JSON and not for HTML (an integration calling the demo shop's orders API, say); a
 * page for browsers everywhere else. One rule for every place that writes an error.
 */
final class ProblemAudience {

    private ProblemAudience() {
    }

    static boolean wantsProblem(String contextPath, String path, String accept) {
        String api = (contextPath == null ? "" : contextPath) + "/api";
        if (path != null && (path.equals(api) || path.startsWith(api + "/"))) {
            return true;
        }
        return accept != null && !accept.contains("text/html")
                && (accept.contains("application/json") || accept.contains("+json"));
    }
}
