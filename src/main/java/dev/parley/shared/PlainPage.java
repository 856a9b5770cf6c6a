package dev.parley.shared;

import org.springframework.web.util.HtmlUtils;

/**
 * A short readable error page that needs nothing but its two texts: no template, no session, no database. For errors
 * written where those are not at hand: the server's own refusals ({@link JettyErrorReports}) and a node with no free
 * database connection (the dashboard's problem page would create a session, which is saved in the database).
 */
final class PlainPage {

    private PlainPage() {
    }

    static String of(String title, String detail) {
        String safeTitle = HtmlUtils.htmlEscape(title);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + safeTitle
                + "</title><link rel=\"stylesheet\" href=\"/css/dashboard.css\"></head><body><main class=\"card narrow\">"
                + "<h1>" + safeTitle + "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(detail) + "</p></main></body></html>";
    }
}
