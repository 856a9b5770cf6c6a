package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.parley.assistant.AssistantReadiness;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.ApiTokens;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The XSS suite: every payload of {@link XssPayloads} is stored through every field a customer or an agent can
 * write (widget message, name, email and page address; agent name, reply and internal note; flag note;
 * canned reply shortcut, title and text; article title, body, category, tags and example question), then every
 * page that shows them is opened in Chromium: the widget, the inbox, each conversation with its contact panel,
 * canned replies, team, knowledge list and editor, learning queue, analytics, agents, audit log, the help center
 * (home, category, article, search) and the CSV export. A dialog, a page error, a call to {@code __xss}, a handler
 * or script or {@code javascript:} address in the DOM, or an evaluated template fails it.
 *
 * <p>The pages are opened with the Content-Security-Policy bypassed, so the suite proves the output encoding on its
 * own; {@link ContentSecurityPolicyBrowserTests} proves the policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.widget.conversations-per-hour=10000", "parley.widget.messages-per-minute=10000",
        "parley.widget.contact-changes-per-hour=10000", "parley.knowledge.searches-per-minute=10000"})
class XssBrowserTests extends BrowserTestSupport {

    private static final List<String> PAYLOADS = XssPayloads.ALL;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocatorAssertions.HasCountOptions WAIT = new LocatorAssertions.HasCountOptions()
            .setTimeout(30_000);

    /** Looks through the page (shadow roots and frames included) for markup a payload left behind. */
    static final String SCAN = """
            () => {
              const found = [];
              const scheme = /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data)\\s*:/i;
              const walk = root => root.querySelectorAll('*').forEach(el => {
                for (const a of Array.from(el.attributes)) {
                  const name = a.name.toLowerCase();
                  if (name.startsWith('on') && /__xss|alert|\\(/.test(a.value)) found.push('handler ' + name + '="' + a.value + '" on <' + el.localName + '>');
                  if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'].includes(name) && scheme.test(a.value)) found.push(name + '="' + a.value + '" on <' + el.localName + '>');
                  if (name === 'srcdoc') found.push('srcdoc on <' + el.localName + '>');
                  if (name === 'style' && /__xss|javascript:|expression\\(/i.test(a.value)) found.push('style="' + a.value + '"');
                }
                if (el.localName === 'script' && el.type !== 'application/json' && /__xss|alert\\(/.test(el.textContent)) found.push('script: ' + el.textContent);
                if (['iframe', 'object', 'embed', 'frame'].includes(el.localName)) found.push('<' + el.localName + '>');
                if (el.shadowRoot) { walk(el.shadowRoot); text.push(el.shadowRoot.textContent); }
              });
              const text = [];
              walk(document);
              text.push(document.documentElement.textContent, document.title);
              if (/tpl49|tpl\\s*49/.test(text.join(' '))) found.push('a template expression was evaluated (tpl49)');
              return found;
            }""";

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-xss-browser-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:xss-browser-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    Agents agents;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AssistantReadiness assistant;

    private final HttpClient http = HttpClient.newHttpClient();
    private Agent admin;
    private String adminToken;
    private final List<String> conversations = new ArrayList<>();
    private final List<String> articles = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private String widgetConversation;
    private String widgetToken;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    void storeEveryPayloadInEveryField() throws Exception {
        assertThat(assistant.awaitReady(Duration.ofMinutes(3))).isTrue();
        admin = TestAgents.create(agents, Role.ADMIN);
        adminToken = tokens.create(admin.id(), "xss suite");
        int n = PAYLOADS.size();
        String[] agentTokens = new String[n];
        String[] conversationIds = new String[n];
        String[] articleIds = new String[n];
        String[] categoryNames = new String[n];
        // One after another: concurrent agent changes and replies contend for H2's assignment lock.
        for (int i = 0; i < n; i++) {
            store(i, agentTokens, conversationIds, articleIds, categoryNames);
        }
        conversations.addAll(List.of(conversationIds));
        articles.addAll(List.of(articleIds));
        categories.addAll(List.of(categoryNames));
        // One conversation holding every payload from the customer and from the agents, for the widget.
        JsonNode started = call("POST", "/api/v1/widget/conversations", null, Map.of("message", PAYLOADS.getFirst()));
        widgetConversation = started.get("conversationId").asString();
        widgetToken = started.get("token").asString();
        for (int i = 1; i < PAYLOADS.size(); i++) {
            call("POST", "/api/v1/widget/conversations/" + widgetConversation + "/messages", widgetToken,
                    Map.of("text", PAYLOADS.get(i)));
        }
        for (int i = 0; i < PAYLOADS.size(); i++) {
            call("POST", "/api/v1/conversations/" + widgetConversation + "/messages", agentTokens[i],
                    Map.of("text", PAYLOADS.get(i)));
        }
    }

    /** Payload i as an agent's name, an article, a widget conversation (name, email, page, message), a flag note, a reply and a note. */
    private void store(int i, String[] agentTokens, String[] conversationIds, String[] articleIds, String[] categoryNames)
            throws Exception {
        String payload = PAYLOADS.get(i);
        JsonNode agent = call("POST", "/api/v1/agents", adminToken, Map.of("name", XssPayloads.shortened(payload, 100),
                "email", "xss-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@test.local",
                "role", "SUPERVISOR", "password", TestAgents.PASSWORD));
        String agentToken = tokens.create(UUID.fromString(agent.get("agent").get("id").asString()), "xss suite");
        agentTokens[i] = agentToken;

        String category = XssPayloads.shortened(payload, 60);
        JsonNode article = call("POST", "/api/v1/knowledge/articles", adminToken, Map.of(
                "title", "Article " + i + " " + payload, "body", payload + "\n\n" + payload + " more text",
                "category", category, "tags", List.of(XssPayloads.shortened(payload, 40)),
                "examples", List.of(payload), "status", "published"));
        articleIds[i] = article.get("id").asString();
        categoryNames[i] = article.path("category").asString(category);

        JsonNode started = call("POST", "/api/v1/widget/conversations", null, Map.of(
                "name", payload, "email", "tpl{{7*7}}'&x" + i + "@example.com",
                "pageUrl", i % 2 == 0 ? "javascript:__xss(" + (i + 1) + ")" : payload,
                "message", payload));
        String conversationId = started.get("conversationId").asString();
        conversationIds[i] = conversationId;
        for (JsonNode message : started.get("messages")) {
            if ("ASSISTANT".equals(message.get("authorType").asString())) {
                call("POST", "/api/v1/conversations/" + conversationId + "/messages/" + message.get("id").asString()
                        + "/flags", agentToken, Map.of("reason", "WRONG", "note", payload));
            }
        }
        call("POST", "/api/v1/conversations/" + conversationId + "/messages", agentToken, Map.of("text", payload));
        call("POST", "/api/v1/conversations/" + conversationId + "/messages", agentToken,
                Map.of("text", payload, "internal", true));
    }

    @BeforeEach
    void noProblemsYet() {
        problems.clear();
    }

    @Test
    void noPayloadRunsOrLeavesMarkupInTheDashboard() {
        try (BrowserContext context = watched(browser)) {
            Page page = signIn(context, admin.email());
            storeCannedReplies(context, page);
            checkShown(page, "/inbox?view=all");
            check(page, "/inbox?view=all&page=1");
            for (String payload : PAYLOADS.subList(0, 6)) {
                check(page, "/inbox?view=all&q=" + encode(payload));
            }
            for (String id : conversations) {
                checkShown(page, "/inbox/conversations/" + id);
            }
            checkShown(page, "/inbox/conversations/" + widgetConversation);
            page.locator("#canned").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(3));
            scan(page, "canned reply inserted");
            checkShown(page, "/inbox/canned");
            check(page, "/inbox/team");
            checkShown(page, "/knowledge");
            check(page, "/knowledge?q=" + encode(PAYLOADS.get(1)));
            for (String id : articles) {
                check(page, "/knowledge/edit?id=" + encode(id));
            }
            checkShown(page, "/knowledge/learning");
            check(page, "/analytics");
            checkShown(page, "/admin/agents");
            check(page, "/admin/audit");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPayloadRunsOrLeavesMarkupInTheHelpCenter() {
        try (BrowserContext context = watched(browser)) {
            Page page = context.newPage();
            check(page, "/help");
            for (String id : articles) {
                checkShown(page, "/help/articles/" + encode(id));
            }
            for (String category : categories.subList(0, 8)) {
                check(page, "/help/categories/" + encode(category));
            }
            for (String payload : PAYLOADS.subList(0, 12)) {
                check(page, "/help/search?q=" + encode(payload));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPayloadRunsOrLeavesMarkupInTheWidget() {
        try (BrowserContext context = watched(browser)) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.evaluate("([key, state]) => localStorage.setItem(key, state)", List.of("parley:" + url(""),
                    JSON.writeValueAsString(Map.of("conversationId", widgetConversation, "token", widgetToken,
                            "cursor", 0, "open", true))));
            page.reload();
            Locator log = page.getByTestId("parley-log");
            assertThat(log.locator(".msg[data-author=AGENT]")).hasCount(PAYLOADS.size(), WAIT);
            assertThat(log.locator(".msg[data-author=CUSTOMER]")).hasCount(PAYLOADS.size(), WAIT);
            assertThat(log.locator(".text.formatted")).not().hasCount(0);
            page.waitForTimeout(300);
            scan(page, "/demo (widget)");
            assertThat(log).containsText("__xss(");
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCsvExportNeutralisesFormulasAndKeepsEveryCellInItsColumn() throws Exception {
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/analytics/conversations.csv?from="
                + java.time.LocalDate.now().minusDays(1) + "&to=" + java.time.LocalDate.now().plusDays(1))))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        List<List<String>> rows = Csv.parse(csv.body());
        int columns = rows.getFirst().size();
        int subject = rows.getFirst().indexOf("subject");
        int name = rows.getFirst().indexOf("customer_name");
        int checked = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(columns);
            for (String cell : row) {
                assertThat(cell).as("a cell a spreadsheet would run as a formula").doesNotMatch("(?s)^[=+\\-@\\t\\r].*");
            }
            if (row.get(name).contains("HYPERLINK") || row.get(name).contains("cmd|")) {
                assertThat(row.get(name)).startsWith("'");
                assertThat(row.get(subject)).startsWith("'");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    private BrowserContext watched(Browser browser) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
        context.addInitScript("window.__xssCalls = []; window.__xss = n => window.__xssCalls.push(String(n));");
        context.onPage(page -> {
            page.onDialog(dialog -> {
                problems.add("dialog " + dialog.type() + " '" + dialog.message() + "' on " + page.url());
                dialog.dismiss();
            });
            page.onPageError(error -> problems.add("page error on " + page.url() + ": " + error));
        });
        return context;
    }

    private void check(Page page, String path) {
        page.navigate(url(path));
        page.waitForLoadState();
        scan(page, path);
    }

    /** Like {@link #check}, and the page shows payloads as text (so the suite cannot pass by showing nothing). */
    private void checkShown(Page page, String path) {
        check(page, path);
        Object shown = page.evaluate("() => { const texts = [document.documentElement.textContent];"
                + " const walk = root => root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) {"
                + " texts.push(el.shadowRoot.textContent); walk(el.shadowRoot); } }); walk(document);"
                + " return texts.join(' ').includes('__xss('); }");
        if (!Boolean.TRUE.equals(shown)) {
            problems.add(path + " shows no payload at all");
        }
    }

    @SuppressWarnings("unchecked")
    private void scan(Page page, String where) {
        for (var frame : page.frames()) {
            Object calls = frame.evaluate("() => window.__xssCalls || []");
            if (!((List<Object>) calls).isEmpty()) {
                problems.add("__xss" + calls + " ran on " + where);
            }
        }
        List<Object> found = (List<Object>) page.evaluate(SCAN);
        found.forEach(f -> problems.add(where + ": " + f));
    }

    /** Canned replies through the dashboard's own form (shortcut, title and text). */
    private void storeCannedReplies(BrowserContext context, Page page) {
        String csrf = page.locator("meta[name=_csrf]").getAttribute("content");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            var response = context.request().post(url("/inbox/canned"), RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("shortcut", "xss-" + i)
                            .set("title", PAYLOADS.get(i)).set("body", PAYLOADS.get(i)))
                    .setMaxRedirects(0));
            assertThat(response.status()).as("canned reply %d", i).isIn(200, 302, 303);
        }
    }

    private JsonNode call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** RFC 4180, as a spreadsheet reads it. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            if (!row.isEmpty() || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
