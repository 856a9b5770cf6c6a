package dev.parley.knowledge.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.internal.Article;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import dev.parley.knowledge.internal.Site;
import dev.parley.knowledge.internal.SitePage;
import dev.parley.knowledge.internal.SiteSyncs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Site sync against a real local web server: a help center with robots.txt, a sitemap, pages that change,
 * disappear or fail, and one without a sitemap that is crawled by its links.
 */
@SpringBootTest(properties = {"parley.knowledge.demo-content=false", "parley.knowledge.sites.allow-private-addresses=true",
        "parley.knowledge.sites.delay=0s", "parley.knowledge.sites.resync-interval=0s"})
@AutoConfigureMockMvc
class SiteSyncTests {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/site-sync-" + UUID.randomUUID());
    }

    @Autowired
    SiteSyncs syncs;

    @Autowired
    Articles articles;

    @Autowired
    MockMvc mvc;

    private HttpServer server;
    private final Map<String, Response> pages = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private String base;

    private record Response(int status, String type, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            Response r = pages.getOrDefault(path, new Response(404, "text/plain", "not found"));
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", r.type());
            exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void page(String path, String title, String text) {
        pages.put(path, new Response(200, "text/html; charset=utf-8", "<html><head><title>" + title + " | Help</title></head>"
                + "<body><nav><a href='/help/'>Help home</a></nav><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>"));
    }

    private Site synced(String id) {
        Eventually.within(Duration.ofSeconds(60), "the sync of " + id + " ends", () -> !syncs.find(id).busy());
        return syncs.find(id);
    }

    private static String id(String base, String path) {
        return dev.parley.knowledge.internal.ArticleRules.slug(java.net.URI.create(base).getHost() + path);
    }

    @Test
    void syncsTheSitemapsPagesObeyingRobotsAndUpdatesChangedAndRetiresRemovedPagesOnTheNextSync() {
        String marker = "m" + UUID.randomUUID().toString().substring(0, 6);
        pages.put("/robots.txt", new Response(200, "text/plain",
                "User-agent: *\nDisallow: /help/private\nSitemap: " + base + "/sitemap.xml\n"));
        pages.put("/sitemap.xml", new Response(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/help/returns</loc></url>
                  <url><loc>%1$s/help/shipping</loc></url>
                  <url><loc>%1$s/help/faq</loc></url>
                  <url><loc>%1$s/help/private/secret</loc></url>
                  <url><loc>%1$s/help/broken</loc></url>
                  <url><loc>http://elsewhere.example/help/x</loc></url>
                </urlset>""".formatted(base)));
        page("/help/returns", "Returns", "Return within 30 days, " + marker + ".");
        page("/help/shipping", "Shipping", "We ship in 3 days, " + marker + ".");
        page("/help/faq", "FAQ", "Questions and answers, " + marker + ".");
        page("/help/private/secret", "Secret", "Internal only.");
        pages.put("/help/broken", new Response(500, "text/plain", "boom"));

        Site site = synced(syncs.add(base + "/help/").id());

        assertThat(site.pagesDone()).isEqualTo(4);
        assertThat(site.pagesFailed()).isEqualTo(1);
        assertThat(site.articles()).isEqualTo(3);
        assertThat(site.lastError()).contains("1 page could not be read");
        assertThat(requested).doesNotContain("/help/private/secret");
        Article returns = articles.find(id(base, "/help/returns")).orElseThrow();
        assertThat(returns.title()).isEqualTo("Returns");
        assertThat(returns.body()).isEqualTo("Return within 30 days, " + marker + ".");
        assertThat(returns.source()).isEqualTo(base + "/help/returns");
        assertThat(returns.published()).isTrue();
        assertThat(syncs.pages(site.id())).filteredOn(p -> p.status() == SitePage.Status.FAILED)
                .singleElement().satisfies(p -> assertThat(p.detail()).isEqualTo("answered 500"));
        java.time.Instant faqUpdated = articles.find(id(base, "/help/faq")).orElseThrow().updatedAt();

        // the next sync: shipping changed, returns removed, faq unchanged, the broken page recovered
        page("/help/shipping", "Shipping", "We now ship in 2 days, " + marker + ".");
        pages.remove("/help/returns");
        page("/help/broken", "Fixed", "Works again, " + marker + ".");
        site = synced(syncs.syncNow(site.id()).id());

        assertThat(site.pagesFailed()).isEqualTo(1);
        assertThat(site.lastError()).isNull();
        assertThat(articles.find(id(base, "/help/shipping")).orElseThrow().body()).startsWith("We now ship in 2 days");
        assertThat(articles.find(id(base, "/help/returns")).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.find(id(base, "/help/broken")).orElseThrow().title()).isEqualTo("Fixed");
        assertThat(articles.find(id(base, "/help/faq")).orElseThrow().updatedAt()).isEqualTo(faqUpdated);
        assertThat(syncs.pages(site.id())).filteredOn(p -> p.status() == SitePage.Status.GONE)
                .singleElement().satisfies(p -> {
                    assertThat(p.url()).isEqualTo(base + "/help/returns");
                    assertThat(p.detail()).isEqualTo("answered 404; its articles were moved to drafts");
                });
    }

    @Test
    void aListedPageThatWasNeverThereIsGoneWithNothingImported() {
        String marker = "n" + UUID.randomUUID().toString().substring(0, 6);
        pages.put("/robots.txt", new Response(404, "text/plain", ""));
        pages.put("/sitemap.xml", new Response(200, "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/kb/returns</loc></url>
                  <url><loc>%1$s/kb/missing</loc></url>
                </urlset>""".formatted(base)));
        page("/kb/returns", "Returns", "Return within 30 days, " + marker + ".");

        Site site = synced(syncs.add(base + "/sitemap.xml").id());

        assertThat(site.articles()).isEqualTo(1);
        assertThat(syncs.pages(site.id())).filteredOn(p -> p.status() == SitePage.Status.GONE)
                .singleElement().satisfies(p -> {
                    assertThat(p.url()).isEqualTo(base + "/kb/missing");
                    assertThat(p.detail()).isEqualTo("answered 404; nothing was imported from it");
                });
    }

    @Test
    void crawlsLinksBelowTheStartPageWhenTheSiteHasNoSitemap() {
        String marker = "c" + UUID.randomUUID().toString().substring(0, 6);
        pages.put("/docs/", new Response(200, "text/html", "<html><body><main><h1>Docs</h1><p>Start " + marker
                + "</p><a href='/docs/a'>A</a> <a href='b#part'>B</a> <a href='/blog/post'>Blog</a>"
                + " <a href='http://elsewhere.example/docs/c'>C</a> <a href='/docs/logo.png'>Logo</a></main></body></html>"));
        page("/docs/a", "Page A", "Alpha " + marker + " <a href='/docs/'>back</a>");
        page("/docs/b", "Page B", "Beta " + marker);
        page("/blog/post", "Blog", "Not part of the docs");

        Site site = synced(syncs.add(base + "/docs/").id());

        assertThat(site.lastError()).isNull();
        assertThat(syncs.pages(site.id())).extracting(SitePage::url)
                .containsExactlyInAnyOrder(base + "/docs/", base + "/docs/a", base + "/docs/b");
        assertThat(requested).doesNotContain("/blog/post", "/docs/logo.png");
        assertThat(articles.find(id(base, "/docs/b")).orElseThrow().body()).isEqualTo("Beta " + marker);
    }

    @Test
    void aSiteWhoseRulesCannotBeReadIsNotSyncedAndSaysWhy() {
        pages.put("/robots.txt", new Response(503, "text/plain", "down"));
        page("/kb/", "KB", "Should not be read");
        Site site = synced(syncs.add(base + "/kb/").id());
        assertThat(site.lastError()).contains("robots.txt answered 503");
        assertThat(site.articles()).isZero();
        assertThat(requested).doesNotContain("/kb/");
    }

    @Test
    void theApiValidatesAddressesAndIsForSupervisors() throws Exception {
        mvc.perform(post("/api/v1/knowledge/sites").with(user("s").roles("SUPERVISOR", "AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"ftp://example.com/\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("http(s) address")));
        mvc.perform(post("/api/v1/knowledge/sites").with(user("a").roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + base + "/x/\"}"))
                .andExpect(status().isForbidden());
        pages.put("/robots.txt", new Response(404, "text/plain", ""));
        page("/api-docs/", "API docs", "Text");
        mvc.perform(post("/api/v1/knowledge/sites").with(user("s").roles("SUPERVISOR", "AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + base + "/api-docs/\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.startUrl").value(base + "/api-docs/"));
        mvc.perform(post("/api/v1/knowledge/sites").with(user("s").roles("SUPERVISOR", "AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"" + base + "/api-docs/\"}"))
                .andExpect(status().isConflict());
        String id = syncs.list().stream().filter(s -> s.startUrl().equals(base + "/api-docs/")).findFirst().orElseThrow().id();
        synced(id);
        mvc.perform(get("/api/v1/knowledge/sites/" + id).with(user("s").roles("SUPERVISOR", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pages[0].status").value("OK"));
        mvc.perform(get("/knowledge/sites").with(user("s").roles("SUPERVISOR", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(base + "/api-docs/")));
        mvc.perform(get("/knowledge/sites/pages").param("id", "no-such-site").with(user("s").roles("SUPERVISOR", "AGENT")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/knowledge/sites/pages").param("id", id).with(user("s").roles("SUPERVISOR", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Imported")));
    }
}
