package dev.parley.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.parley.identity.TestAgents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per test class, against the application on its random port. Every context made with
 * {@code browser.newContext(...)} reports Content-Security-Policy violations (Chromium's console messages), and a
 * test with one fails: Parley's pages run under a strict policy (docs/security.md).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;

    private final List<String> cspViolations = new CopyOnWriteArrayList<>();

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create();
        browser = watchingCsp(Browsers.launch(playwright));
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        List<String> seen = List.copyOf(cspViolations);
        cspViolations.clear();
        if (!seen.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations: " + seen);
        }
    }

    private Browser watchingCsp(Browser real) {
        return (Browser) Proxy.newProxyInstance(Browser.class.getClassLoader(), new Class<?>[] {Browser.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof BrowserContext context) {
                        context.onPage(page -> page.onConsoleMessage(message -> {
                            if (message.text().contains("Content Security Policy")) {
                                cspViolations.add(page.url() + ": " + message.text());
                            }
                        }));
                    } else if (result instanceof Page page) {
                        page.onConsoleMessage(message -> {
                            if (message.text().contains("Content Security Policy")) {
                                cspViolations.add(page.url() + ": " + message.text());
                            }
                        });
                    }
                    return result;
                });
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens the widget on the demo page and sends a question; returns the widget's message log. */
    protected Locator askInTheDemoWidget(Page page, String question) {
        page.navigate(url("/demo"));
        page.getByTestId("parley-bubble").click();
        page.getByTestId("parley-input").fill(question);
        page.getByTestId("parley-send").click();
        return page.getByTestId("parley-log");
    }

    /** The conversation the widget on this page keeps in its local storage. */
    protected static UUID widgetConversationId(Page page) {
        String state = (String) page.evaluate("() => Object.keys(localStorage).map(k => localStorage.getItem(k))[0]");
        return UUID.fromString(state.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
    }

    /** Signs a test agent in through the login form; returns the page, on the inbox. */
    protected Page signIn(BrowserContext context, String email) {
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(TestAgents.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL("**/inbox");
        return page;
    }
}
