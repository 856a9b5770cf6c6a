package dev.parley.hostile;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One handler mapping as the hostile-input suite sees it: where it is, who may call it and which parameter and
 * body field names its handler reads, so the generated values land in the fields the code actually binds.
 */
record Endpoint(String method, String pattern, Surface surface, List<String> params, List<String> fixedParams,
        List<String> fields, List<String> consumes, Method handler) {

    /** Who calls it and which error format it owes them. */
    enum Surface {
        /** Agent API: an admin's personal API token; errors are problems. */
        API_TOKEN,
        /** Widget API: public, with the conversation's widget token; errors are problems. */
        WIDGET,
        /** Channel webhooks and the API channel's inbound endpoint: authenticated by signature or channel key. */
        API_PUBLIC,
        /** Dashboard and admin pages: an admin's browser session with its CSRF token; errors are HTML pages. */
        PAGE_SESSION,
        /** Help center, login, password reset, demo shop, widget assets: no sign-in; errors are HTML pages. */
        PAGE_PUBLIC;

        boolean api() {
            return this == API_TOKEN || this == WIDGET || this == API_PUBLIC;
        }
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
