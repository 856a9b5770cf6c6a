package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.internal.Articles;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A supervisor writes an article in the editor (with its safe live preview), publishes it and finds it in
 * the list; imports a file through the upload page; syncs a site and watches its progress; and sees the analytics
 * charts drawn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.knowledge.demo-content=false", "parley.knowledge.sites.allow-private-addresses=true",
                "parley.knowledge.sites.delay=300ms"})
class KnowledgeAndAnalyticsBrowserTests extends BrowserTestSupport {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/knowledge-browser-" + UUID.randomUUID());
    }

    @Autowired
    Agents agents;
    @Autowired
    Articles articles;

    String token;

    @BeforeEach
    void token() {
        token = "kb" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void supervisorWritesPublishesAndFindsAnArticle() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signInAsSupervisor(context);
            page.navigate(url("/knowledge/new"));
            page.locator("input[name=title]").fill("Gift cards " + token);
            page.locator("#article-body").fill("# Using gift cards\n- at checkout\n- in the app\n\nNot <b>cash</b>.");
            Locator preview = page.locator("#article-preview");
            assertThat(preview.locator("h2")).hasText("Using gift cards");
            assertThat(preview.locator("li")).hasCount(2);
            assertThat(preview.locator("p")).hasText("Not <b>cash</b>.");
            assertThat(preview.locator("b")).hasCount(0);
            page.locator("input[name=tags]").fill("payments, gift cards");
            page.locator("textarea[name=examples]").fill("can I pay with a gift card\ngift card balance");
            page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();

            assertThat(page.locator(".notice")).containsText("Created");
            String id = "gift-cards-" + token;
            assertThat(articles.find(id).orElseThrow().published()).isFalse();

            page.locator("#article-form select[name=status]").selectOption("PUBLISHED");
            page.locator("button[type=submit]", new Page.LocatorOptions().setHasText("Save")).click();
            assertThat(page.locator(".notice")).containsText("(published)");

            page.navigate(url("/knowledge"));
            page.locator("input[name=q]").fill(token);
            page.locator("form.filters button").click();
            Locator row = page.locator("tr[data-article-id='" + id + "']");
            assertThat(row).containsText("Gift cards " + token);
            assertThat(row).containsText("Published");
            assertThat(articles.find(id).orElseThrow().published()).isTrue();
        }
    }

    @Test
    void supervisorImportsAFileWithProgressAndSeesTheReport() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signInAsSupervisor(context);
            page.navigate(url("/knowledge/import"));
            String jsonl = "{\"id\":\"" + token + "\",\"title\":\"Imported " + token + "\",\"body\":\"Text\","
                    + "\"examples\":[\"a question\"]}\n";
            page.locator("#import-format").selectOption("jsonl");
            page.locator("#import-files").setInputFiles(new FilePayload("articles.jsonl", "application/jsonl",
                    jsonl.getBytes(StandardCharsets.UTF_8)));
            page.locator("#import-submit").click();
            assertThat(page.locator("#import-result")).containsText("1 new, 0 updated, 1 example");
            assertThat(page.locator("#import-progress")).hasAttribute("value", "100");
            assertThat(articles.find(token)).isPresent();

            page.locator("#import-files").setInputFiles(new FilePayload("broken.jsonl", "application/jsonl",
                    (jsonl + "{not json\n").getBytes(StandardCharsets.UTF_8)));
            page.locator("#import-submit").click();
            assertThat(page.locator("#import-result.error")).containsText("line 2");
        }
    }

    @Test
    void supervisorImportsAWebPageByItsFileNameAndSeesWhereTheArticleCameFrom() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signInAsSupervisor(context);
            page.navigate(url("/knowledge/import"));
            String html = "<html><head><link rel=canonical href='https://help.example/" + token + "'></head><body>"
                    + "<nav>Menu</nav><main><h1>Page " + token + "</h1><p>Boots are <b>waterproof</b>.</p></main></body></html>";
            page.locator("#import-files").setInputFiles(new FilePayload(token + ".html", "text/html",
                    html.getBytes(StandardCharsets.UTF_8)));
            page.locator("#import-submit").click();
            assertThat(page.locator("#import-result")).containsText("1 new, 0 updated");
            page.navigate(url("/knowledge/edit?id=" + token.toLowerCase(java.util.Locale.ROOT)));
            assertThat(page.locator("#article-source a")).hasAttribute("href", "https://help.example/" + token);
            assertThat(page.locator("#article-body")).hasValue("Boots are **waterproof**.");
        }
    }

    @Test
    void supervisorSyncsASiteAndWatchesItsProgressUntilItsPagesAreImported() throws Exception {
        com.sun.net.httpserver.HttpServer site = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String html = switch (path) {
                case "/help/" -> "<main><h1>Help " + token + "</h1><p>Start.</p><a href='/help/a'>A</a> <a href='/help/b'>B</a></main>";
                case "/help/a" -> "<main><h1>Returns " + token + "</h1><p>Thirty days.</p></main>";
                case "/help/b" -> "<main><h1>Shipping " + token + "</h1><p>Three days.</p></main>";
                default -> null;
            };
            byte[] body = (html == null ? "not found" : "<html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        String start = "http://127.0.0.1:" + site.getAddress().getPort() + "/help/";
        try (BrowserContext context = browser.newContext()) {
            Page page = signInAsSupervisor(context);
            page.navigate(url("/knowledge"));
            page.locator("a", new Page.LocatorOptions().setHasText("Synced sites")).click();
            page.locator("#site-url").fill(start);
            page.locator("#site-add").click();
            Locator row = page.locator("#sites tr", new Page.LocatorOptions().setHasText(start));
            assertThat(row.locator("progress")).isVisible();
            // the table refreshes itself while the sync runs, without reloading the page
            assertThat(row.locator(".site-state")).hasText("3 pages read",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(row.locator("td").nth(2)).hasText("3");
            page.locator("#sites a", new Page.LocatorOptions().setHasText("Pages")).first().click();
            assertThat(page.locator("#site-pages tr[data-status=OK]")).hasCount(3);
            page.locator("#site-pages a", new Page.LocatorOptions().setHasText("help-a")).first().click();
            assertThat(page.locator("#article-source")).containsText(start.replace("/help/", "/help/a"));
        } finally {
            site.stop(0);
        }
    }

    @Test
    void supervisorSeesTheAnalyticsCharts() {
        try (BrowserContext context = browser.newContext()) {
            Page page = signInAsSupervisor(context);
            page.navigate(url("/analytics?range=7"));
            // the charts draw after the page's data loads: give a loaded machine time (CI once took over 5 s)
            assertThat(page.locator("body[data-charts-ready=true]")).hasCount(1,
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(30_000));
            for (String chart : new String[] {"chart-volume", "chart-csat", "chart-reasons"}) {
                Object drawn = page.locator("#" + chart).evaluate(
                        "c => c.width > 0 && c.height > 0 && Chart.getChart(c) !== undefined");
                assertThat(drawn).as(chart).isEqualTo(true);
            }
            assertThat(page.locator("#csv-download")).hasAttribute("href",
                    java.util.regex.Pattern.compile("/api/v1/analytics/conversations\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=.*"));
            page.locator("input[name=from]").fill("2026-03-05");
            page.locator("input[name=to]").fill("2026-03-01");
            page.locator("#range-form button").click();
            assertThat(page.locator(".field-error")).containsText("must not be before");
        }
    }

    private Page signInAsSupervisor(BrowserContext context) {
        Agent supervisor = TestAgents.create(agents, Role.SUPERVISOR, null);
        return signIn(context, supervisor.email());
    }
}
