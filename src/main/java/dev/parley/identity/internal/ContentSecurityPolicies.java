package dev.parley.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The Content-Security-Policy of every response: scripts and styles only from Parley's own files (no inline
 * script, no inline handler, no eval, no inline style), nothing framed by other sites, no plugins, forms posting
 * only back to Parley. A header on a script, a stylesheet or JSON changes nothing for the page that loads it, so
 * the widget's files and API still work on customers' sites; the policy matters for Parley's own pages
 * (dashboard, sign-in, help center, demo). The third-party API explorer (Swagger UI) sets inline styles and
 * gets the same policy with inline styles allowed.
 */
public final class ContentSecurityPolicies implements HeaderWriter {

    public static final String HEADER = "Content-Security-Policy";

    public static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'self'; form-action 'self'";

    static final String API_EXPLORER = STRICT.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader(HEADER, path.startsWith("/swagger-ui") ? API_EXPLORER : STRICT);
    }
}
