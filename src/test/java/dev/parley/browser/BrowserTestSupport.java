package dev.parley.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.parley.identity.TestAgents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One headless Chromium per test class, against the application on its random port. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
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
