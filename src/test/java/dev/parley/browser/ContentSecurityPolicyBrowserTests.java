package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.sun.net.httpserver.HttpServer;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Parley's pages run under a strict Content-Security-Policy (no inline script, handler or style) without a single
 * violation, and the widget works on another site's page whose own policy is as strict.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
class ContentSecurityPolicyBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.HasCountOptions WAIT = new LocatorAssertions.HasCountOptions()
            .setTimeout(20_000);

    @Autowired
    Agents agents;

    private final List<String> violations = new CopyOnWriteArrayList<>();

    @Test
    void dashboardHelpCenterSignInAndDemoPagesSendTheStrictPolicyAndRunWithoutAViolation() {
        Agent admin = TestAgents.create(agents, Role.ADMIN);
        try (BrowserContext context = watched()) {
            Page login = context.newPage();
            Response response = login.navigate(url("/login"));
            assertThat(response.headers().get("content-security-policy"))
                    .contains("script-src 'self';", "style-src 'self';", "object-src 'none'", "frame-ancestors 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            Page page = signIn(context, admin.email());
            for (String path : List.of("/inbox", "/inbox/team", "/inbox/canned", "/knowledge", "/knowledge/new",
                    "/knowledge/import", "/knowledge/learning", "/analytics", "/admin/agents", "/admin/audit",
                    "/admin/assistant", "/admin/widget-identity", "/account", "/help", "/help/search?q=returns",
                    "/inbox/conversations/00000000-0000-0000-0000-000000000000")) {
                Response shown = page.navigate(url(path));
                assertThat(shown.headers().get("content-security-policy")).as(path).startsWith("default-src 'self'");
                page.waitForLoadState();
            }
            // The handlers that were inline attributes still work from dashboard.js.
            page.navigate(url("/inbox"));
            page.locator("#presence-form select").selectOption("AWAY");
            page.waitForLoadState();
            assertThat(page.locator("#presence-form select")).hasValue("AWAY");
            page.locator("#presence-form select").selectOption("ONLINE");

            Page shop = context.newPage();
            shop.navigate(url("/demo"));
            assertThat(shop.getByTestId("parley-bubble")).hasCSS("position", "fixed");
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("How do returns work?");
            shop.getByTestId("parley-send").click();
            assertThat(shop.getByTestId("parley-log").locator(".msg[data-author=ASSISTANT]")).hasCount(1, WAIT);
            shop.waitForTimeout(300);
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theWidgetWorksOnAnotherSitesPageWithAStrictPolicyOfItsOwn() throws Exception {
        String parley = "http://localhost:" + port;
        String policy = "default-src 'self'; script-src 'self' " + parley + "; connect-src 'self' " + parley
                + "; style-src 'self' " + parley;
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = ("<!DOCTYPE html><html><head><title>Shop</title></head><body><h1>A shop</h1>"
                    + "<script src=\"" + parley + "/widget.js\" defer></script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try (BrowserContext context = watched()) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            Locator bubble = page.getByTestId("parley-bubble");
            assertThat(bubble).hasCSS("position", "fixed");
            bubble.click();
            page.getByTestId("parley-input").fill("How do returns work?");
            page.getByTestId("parley-send").click();
            Locator log = page.getByTestId("parley-log");
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1, WAIT);
            assertThat(log.locator(".msg[data-author=ASSISTANT] .text.formatted")).hasCount(1, WAIT);
            page.waitForTimeout(300);
        } finally {
            site.stop(0);
        }
        assertThat(violations).isEmpty();
    }

    /** Collects every CSP violation: the page's securitypolicyviolation events and Chromium's console reports. */
    private BrowserContext watched() {
        BrowserContext context = browser.newContext();
        context.exposeFunction("__cspViolation", args -> {
            violations.add(String.valueOf(args[0]));
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.__cspViolation("
                + "e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.documentURI + ':' + e.lineNumber"
                + " + ' ' + (e.sample || '')));");
        context.onPage(page -> {
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    violations.add("console on " + page.url() + ": " + message.text());
                }
            });
            page.onPageError(error -> violations.add("page error on " + page.url() + ": " + error));
        });
        return context;
    }
}
