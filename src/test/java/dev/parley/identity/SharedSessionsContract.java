package dev.parley.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ParleyApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application contexts in one JVM stand for two nodes behind a load balancer without sticky routing: each has its
 * own port and data folder, both share one database (and one Redis, where a subclass enables it). A browser signs in
 * on one and carries on on the other, over real HTTP, so the session and its CSRF token must live in the shared store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedSessionsContract {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String database = "jdbc:h2:mem:shared-sessions-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final String encryptionKey = "ktest-shared:" + Base64.getEncoder().encodeToString(randomBytes(32));
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    /** Settings of both nodes beyond the shared database, e.g. {@code --parley.redis.enabled=true}. */
    abstract List<String> settings();

    /** Asserts that the session with this id is kept in the shared store, not in a node. */
    abstract void assertStoredCentrally(ConfigurableApplicationContext node, String sessionId);

    @BeforeAll
    void startTwoNodes() {
        nodeA = start("a");
        nodeB = start("b");
    }

    @AfterAll
    void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void aSessionOpenedOnOneNodeServesPagesAndCsrfProtectedFormsOnTheOther() throws Exception {
        Agent agent = TestAgents.create(nodeA.getBean(Agents.class), Role.AGENT);
        String session = signIn(nodeA, agent.email(), TestAgents.PASSWORD);
        assertStoredCentrally(nodeB, sessionId(session));

        assertThat(get(nodeB, "/inbox", session).statusCode()).isEqualTo(200);
        String csrf = csrfToken(get(nodeA, "/account", session).body());
        assertThat(post(nodeB, "/account/tokens", session, "name=without-token").statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> created = post(nodeB, "/account/tokens", session, "name=from-b&_csrf=" + encode(csrf));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/account"));
        assertThat(nodeA.getBean(ApiTokens.class).of(agent.id())).extracting(ApiToken::name).containsExactly("from-b");
    }

    @Test
    void aPasswordChangedOnOneNodeEndsTheAgentsOtherSessionsOnTheOther() throws Exception {
        Agent agent = TestAgents.create(nodeA.getBean(Agents.class), Role.AGENT);
        String here = signIn(nodeA, agent.email(), TestAgents.PASSWORD);
        String elsewhere = signIn(nodeA, agent.email(), TestAgents.PASSWORD);
        assertThat(get(nodeB, "/inbox", elsewhere).statusCode()).isEqualTo(200);

        String csrf = csrfToken(get(nodeA, "/account", here).body());
        assertThat(post(nodeA, "/account/password", here, "currentPassword=" + encode(TestAgents.PASSWORD)
                + "&newPassword=" + encode("a brand new password") + "&_csrf=" + encode(csrf)).statusCode()).isEqualTo(302);

        HttpResponse<String> ended = get(nodeB, "/inbox", elsewhere);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(get(nodeB, "/inbox", here).statusCode()).as("the session that changed it").isEqualTo(200);
    }

    @Test
    void roleChangesAndDeactivationOnOneNodeFollowTheSessionOnTheOther() throws Exception {
        Agents agents = nodeA.getBean(Agents.class);
        Agent agent = TestAgents.create(agents, Role.AGENT);
        String session = signIn(nodeA, agent.email(), TestAgents.PASSWORD);
        assertThat(get(nodeB, "/admin/agents", session).statusCode()).isEqualTo(403);

        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, Role.ADMIN, null, null, false, null));
        assertThat(get(nodeB, "/admin/agents", session).statusCode()).isEqualTo(200);
        assertThat(get(nodeA, "/admin/agents", session).statusCode()).isEqualTo(200);

        agents.update(Actor.SYSTEM, agent.id(), new AgentChanges(null, Role.AGENT, false, null, false, null));
        assertThat(get(nodeB, "/inbox", session).statusCode()).isEqualTo(302);
    }

    /** Signs in with the form (CSRF and all) and returns the session cookie, {@code JSESSIONID=...}. */
    private String signIn(ConfigurableApplicationContext node, String email, String password) throws Exception {
        HttpResponse<String> form = get(node, "/login", null);
        String anonymous = sessionCookie(form);
        HttpResponse<String> signedIn = post(node, "/login", anonymous, "username=" + encode(email) + "&password="
                + encode(password) + "&_csrf=" + encode(csrfToken(form.body())));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/inbox"));
        String session = sessionCookie(signedIn);
        assertThat(get(node, "/inbox", session).statusCode()).isEqualTo(200);
        return session;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(node, path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String cookie, String form)
            throws Exception {
        return http.send(HttpRequest.newBuilder(url(node, path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(ConfigurableApplicationContext node, String path) {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    /** The session cookie carries the session id in base64 (Spring Session's cookie format). */
    static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);
    }

    private static String csrfToken(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ConfigurableApplicationContext start(String name) {
        List<String> args = new ArrayList<>(List.of(
                "--parley.data-dir=" + Path.of("target", "shared-sessions-" + UUID.randomUUID(), name),
                "--server.port=0", "--parley.knowledge.demo-content=false", "--parley.demo.enabled=false",
                "--spring.datasource.url=" + database, "--parley.encryption.keys=" + encryptionKey));
        args.addAll(settings());
        // Command-line arguments outrank the system properties surefire sets for every test.
        return new SpringApplicationBuilder(ParleyApplication.class).run(args.toArray(String[]::new));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
