package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.ApiTokens;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed, mis-encoded and out-of-range requests over real HTTP (the corpus of issue 17): none may answer
 * 5xx; under {@code /api/**} every error is {@code application/problem+json}, on pages an HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTests {

    private static final String HUGE_PAGE = "2147483647";
    private static final String ZERO_WIDTH = "%E2%80%8B%E2%80%8C%EF%BB%BF";

    @LocalServerPort
    int port;
    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final HttpClient client = HttpClient.newHttpClient();
    private String token;
    private String articleId;

    record Probe(String method, String path, String contentType, String body, Auth auth) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + (contentType == null ? "" : " [" + contentType + "]") + " as " + auth;
        }
    }

    enum Auth { NONE, TOKEN, SESSION }

    @BeforeAll
    void signIn() throws Exception {
        Agent admin = TestAgents.create(agents, Role.ADMIN);
        token = tokens.create(admin.id(), "malformed requests");
        articleId = "malformed-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(uri("/api/v1/knowledge/articles"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + articleId
                        + "\",\"title\":\"Opening hours\",\"body\":\"Nine to five.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestAgents.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
    }

    Stream<Probe> corpus() {
        String someId = UUID.randomUUID().toString();
        List<Probe> probes = new ArrayList<>();
        for (String type : List.of("*/*", "multipart/form-data", "multipart/form-data; boundary=", "text/plain",
                "application/json; charset=nonsense", "garbage")) {
            probes.add(new Probe("POST", "/api/v1/widget/conversations", type, "{\"message\":\"hi\"}", Auth.NONE));
            probes.add(new Probe("POST", "/api/v1/conversations/" + someId + "/messages", type, "{\"text\":\"hi\"}",
                    Auth.TOKEN));
            probes.add(new Probe("POST", "/api/v1/knowledge/imports?format=jsonl", type, "x", Auth.TOKEN));
            probes.add(new Probe("POST", "/help/articles/" + articleId + "/feedback", type, "helpful=yes", Auth.NONE));
        }
        for (String q : List.of("%ff", "%C3%28", "%C0%80", ZERO_WIDTH, "%00")) {
            probes.add(new Probe("GET", "/api/v1/knowledge/search?q=" + q, null, null, Auth.TOKEN));
            probes.add(new Probe("GET", "/api/v1/widget/help/suggestions?q=" + q, null, null, Auth.NONE));
            probes.add(new Probe("GET", "/help/search?q=" + q, null, null, Auth.NONE));
            probes.add(new Probe("GET", "/api/v1/conversations?q=" + q, null, null, Auth.TOKEN));
            probes.add(new Probe("GET", "/knowledge?q=" + q, null, null, Auth.SESSION));
        }
        for (String page : List.of(HUGE_PAGE, "-1", "-2147483648", "99999999999", "x")) {
            probes.add(new Probe("GET", "/api/v1/conversations?size=200&page=" + page, null, null, Auth.TOKEN));
            probes.add(new Probe("GET", "/api/v1/knowledge/articles?size=100&page=" + page, null, null, Auth.TOKEN));
            probes.add(new Probe("GET", "/inbox/list?page=" + page, null, null, Auth.SESSION));
            probes.add(new Probe("GET", "/knowledge?page=" + page, null, null, Auth.SESSION));
        }
        probes.add(new Probe("GET", "/error", null, null, Auth.NONE));
        probes.add(new Probe("GET", "/error", null, null, Auth.SESSION));
        probes.add(new Probe("POST", "/api/error", "application/json", "{}", Auth.TOKEN));
        probes.add(new Probe("GET", "/api/v1/conversations/not-an-id/suggested-reply", null, null, Auth.TOKEN));
        probes.add(new Probe("GET", "/api/v1/conversations/not-an-id/summary", null, null, Auth.TOKEN));
        probes.add(new Probe("GET", "/api/v1/conversations/" + someId + "/suggested-reply", null, null, Auth.TOKEN));
        probes.add(new Probe("GET", "/api/v1/conversations/" + someId + "/summary", null, null, Auth.TOKEN));
        probes.add(new Probe("GET", "/api/v1/no-such-thing", null, null, Auth.TOKEN));
        probes.add(new Probe("DELETE", "/api/v1/widget/conversations", null, null, Auth.NONE));
        probes.add(new Probe("GET", "/api/v1/widget/conversations/" + someId + "/messages?after=x", null, null, Auth.NONE));
        probes.add(new Probe("POST", "/api/v1/widget/conversations", "application/json", "{", Auth.NONE));
        probes.add(new Probe("POST", "/api/v1/widget/conversations", "application/json", "[]", Auth.NONE));
        probes.add(new Probe("POST", "/api/v1/widget/conversations", "application/json",
                "{\"message\":\"\\u200b\\u200c\"}", Auth.NONE));
        probes.add(new Probe("GET", "/inbox/conversations/not-an-id", null, null, Auth.SESSION));
        probes.add(new Probe("GET", "/no-such-page", null, null, Auth.SESSION));
        // found by the hostile-input suite (dev.parley.hostile): each answered a 500 or the server's own page before
        probes.add(new Probe("GET", "/admin/webhooks/" + someId, null, null, Auth.SESSION));
        probes.add(new Probe("GET", "/admin/actions/" + someId, null, null, Auth.SESSION));
        probes.add(new Probe("POST", "/admin/actions/connections/" + someId + "/delete", null, null, Auth.SESSION));
        probes.add(new Probe("GET", "/api/v1/conversations/%00", null, null, Auth.TOKEN));
        probes.add(new Probe("GET", "/help/articles/%00", null, null, Auth.NONE));
        probes.add(new Probe("GET", "/api/v1/conversations?q=%00" + "x".repeat(7_000), null, null, Auth.TOKEN));
        String longPartHeader = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "x".repeat(100_000)
                + "\"\r\n\r\nhi\r\n--b--\r\n";
        probes.add(new Probe("POST", "/api/v1/widget/conversations", "multipart/form-data; boundary=b", longPartHeader,
                Auth.NONE));
        probes.add(new Probe("POST", "/help/articles/" + articleId + "/feedback", "multipart/form-data; boundary=b",
                longPartHeader, Auth.NONE));
        return probes.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answersA4xxOrBetterInTheRightFormat(Probe probe) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(probe.path()))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.auth() == Auth.TOKEN) {
            request.header("Authorization", "Bearer " + token);
        }
        if (!probe.path().startsWith("/api/")) {
            request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
        HttpResponse<String> response = (probe.auth() == Auth.SESSION ? browser : client)
                .send(request.build(), HttpResponse.BodyHandlers.ofString());

        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(response.statusCode()).as("%s answered %s: %s", probe, contentType, response.body())
                .isLessThan(500);
        if (response.statusCode() >= 400) {
            if (probe.path().contains("%00")) {
                // the server refuses an escaped NUL in the address before the application sees the address, so
                // whether it is an API call cannot be told: our problem or our page, never the server's own page
                assertThat(response.body()).as("%s answered %s: %s", probe, response.statusCode(), response.body())
                        .containsAnyOf("\"detail\"", "<p role=\"alert\">").doesNotContain("HTTP ERROR");
            } else if (probe.path().startsWith("/api/")) {
                assertThat(contentType).as("%s answered %s: %s", probe, response.statusCode(), response.body())
                        .startsWith("application/problem+json");
                assertThat(response.body()).as("%s says what is wrong", probe).contains("\"title\"", "\"detail\"");
            } else {
                assertThat(contentType).as("%s answered %s: %s", probe, response.statusCode(), response.body())
                        .startsWith("text/html");
                assertThat(response.body()).as("%s answers a page of ours", probe).contains("<html")
                        .doesNotContain("HTTP Status " + response.statusCode(), "HTTP ERROR", "Whitelabel");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUploadRefusedBeforeItsBodyIsReadIsReadToItsEndSoTheClientGetsTheAnswerAndKeepsItsConnection()
            throws Exception {
        byte[] body = ("{\"title\":\"x\",\"body\":\"" + "y".repeat(1_000_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        int firstPart = 64 * 1024;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/knowledge/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer pat_" + "0".repeat(40) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, firstPart);
            out.flush();
            // a client on a slow line is still sending when the refusal (not signed in) is decided
            Thread.sleep(1_000);
            out.write(body, firstPart, body.length - firstPart);
            out.write(("GET /api/v1/knowledge/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.InputStream in = socket.getInputStream();
            String refused = RawResponses.read(in);
            assertThat(refused).startsWith("HTTP/1.1 401").contains("\"detail\"")
                    .doesNotContainIgnoringCase("connection: close");
            assertThat(RawResponses.read(in)).as("the next request on the same connection").startsWith("HTTP/1.1 200");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTheServerCannotRead")
    void aRequestTheServerCannotReadIsAnsweredWithConnectionCloseBecauseTheConnectionEndsAfterIt(String name,
            String head) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = RawResponses.read(socket.getInputStream());
            // without the header a client takes the connection for reusable and loses its next request to the close
            assertThat(answer).as(name).startsWith("HTTP/1.1 4").containsIgnoringCase("\r\nConnection: close\r\n");
            assertThat(socket.getInputStream().read()).as("%s: the connection ends after the answer", name).isEqualTo(-1);
        }
    }

    static Stream<Arguments> requestsTheServerCannotRead() {
        return Stream.of(
                Arguments.of("a request line over the limit", "GET /help/" + "a".repeat(9_000)
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                Arguments.of("headers over the limit", "GET /help HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                        + "b".repeat(9_000) + "\r\n\r\n"),
                Arguments.of("a malformed escape", "GET /help/100% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                Arguments.of("an HTTP/1.0 request line over the limit", "GET /api/v1/" + "a".repeat(9_000)
                        + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @org.junit.jupiter.api.Test
    void aPageFormWithoutItsCsrfTokenGetsAPageThatSaysSo() throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/inbox/presence"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=AWAY")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("reload the page").doesNotContain("Your role does not allow this");
    }

    @org.junit.jupiter.api.Test
    void anAddressTypedWithATrailingSlashIsSentOnToTheOneWithout() throws Exception {
        for (String[] typed : new String[][] {{"/inbox/", "/inbox"}, {"/knowledge/", "/knowledge"},
                {"/analytics/?days=7", "/analytics?days=7"}, {"/help/", "/help"}}) {
            HttpResponse<String> first = browser.send(HttpRequest.newBuilder(uri(typed[0])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).as(typed[0]).isEqualTo(308);
            String location = first.headers().firstValue("Location").orElseThrow();
            assertThat(URI.create(location).getRawPath() + (URI.create(location).getRawQuery() == null ? ""
                    : "?" + URI.create(location).getRawQuery())).isEqualTo(typed[1]);
            assertThat(browser.send(HttpRequest.newBuilder(uri(typed[1])).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as(typed[1]).isEqualTo(200);
        }
        assertThat(browser.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inbox"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
