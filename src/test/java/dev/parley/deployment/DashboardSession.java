package dev.parley.deployment;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard session as a browser holds it: the session cookie from signing in through the {@code /login} form, sent
 * to whichever node a request goes to, and the CSRF token read from a dashboard page of that node.
 */
final class DashboardSession {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("^(JSESSIONID|SESSION)=([^;]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    /** Signs in on the node at {@code base} through its login form. */
    static DashboardSession signIn(String base, String email, String password) throws Exception {
        var session = new DashboardSession();
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        String token = find(FORM_CSRF, form.body(), "the login form's _csrf");
        String body = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("sign-in on " + base + " failed: " + signedIn.statusCode() + " " + location);
        }
        return session;
    }

    /** Opens a dashboard page on {@code base} and keeps its CSRF token for the next POSTs; returns the page. */
    HttpResponse<String> open(String base, String path) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (page.statusCode() == 200) {
            csrf = find(META_CSRF, page.body(), "the page's _csrf meta tag");
        }
        return page;
    }

    /** A JSON POST with the session cookie and the CSRF token of the last page opened. */
    HttpResponse<String> postJson(String base, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The same POST without the CSRF token, which must be refused. */
    HttpResponse<String> postJsonWithoutCsrf(String base, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION.matcher(set);
            if (m.find()) {
                cookie = m.group(1) + "=" + m.group(2);
            }
        }
        return response;
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + what + " in: " + text.substring(0, Math.min(500, text.length())));
        }
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
