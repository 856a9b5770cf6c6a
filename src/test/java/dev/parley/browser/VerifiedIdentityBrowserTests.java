package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.channel.web.WidgetIdentityTestSupport;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A shop's page (another origin, served by its own web server) embeds the widget with an identity its server signed: the customer sees that they
 * are signed in, and on a second device (fresh browser storage) finds and opens the conversation of the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
@Import(WidgetIdentityTestSupport.class)
class VerifiedIdentityBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-identity-browser-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:identity-browser-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private static final Map<String, String> SHOP_PAGES = new ConcurrentHashMap<>();

    @Autowired
    WidgetIdentityTestSupport identity;

    private HttpServer shop;

    @Test
    void aSignedInCustomerSeesTheVerifiedStateAndTheirConversationOnASecondDevice() {
        String secret = identity.newSecret();
        String customer = "shop-customer-" + UUID.randomUUID();
        try (BrowserContext laptop = browser.newContext(); BrowserContext phone = browser.newContext()) {
            long signedAt = Instant.now().getEpochSecond();
            Page first = shopPage(laptop, secret, customer, signedAt);
            first.getByTestId("parley-bubble").click();
            assertThat(first.getByTestId("parley-verified")).containsText("Signed in as grace@example.com", WAIT);
            first.getByTestId("parley-input").fill("Where is my order 1001?");
            first.getByTestId("parley-send").click();
            assertThat(first.getByTestId("parley-log").locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(15_000));

            // another second than the first page's: a signature is single-use, and the same second would repeat it
            Page second = shopPage(phone, secret, customer, signedAt - 1);
            second.getByTestId("parley-bubble").click();
            assertThat(second.getByTestId("parley-verified")).containsText("Signed in as grace@example.com", WAIT);
            Locator history = second.getByTestId("parley-history");
            assertThat(history).containsText("Your conversations (1)", WAIT);
            history.locator("summary").click();
            history.locator("button", new Locator.LocatorOptions().setHasText("Where is my order 1001?")).click();
            Locator log = second.getByTestId("parley-log");
            assertThat(log.locator(".msg.customer")).containsText("Where is my order 1001?", WAIT);
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1);
        }
    }

    @Test
    void aStaleSignatureLeavesTheVisitorAnonymous() {
        String secret = identity.newSecret();
        try (BrowserContext context = browser.newContext()) {
            Page page = shopPage(context, secret, "shop-customer-" + UUID.randomUUID(),
                    Instant.now().getEpochSecond() - 3600);
            page.getByTestId("parley-bubble").click();
            page.getByTestId("parley-input").fill("Hello there");
            page.getByTestId("parley-send").click();
            assertThat(page.getByTestId("parley-log").locator(".msg.customer")).containsText("Hello there", WAIT);
            assertThat(page.getByTestId("parley-verified")).isHidden();
            assertThat(page.getByTestId("parley-history")).isHidden();
        }
    }

    /** The shop's page on its own origin, with the widget's script tag carrying the server-signed identity. */
    private Page shopPage(BrowserContext context, String secret, String customer, long timestamp) {
        String email = "grace@example.com";
        String signature = identity.sign(secret, customer, email, timestamp);
        String path = "/account-" + UUID.randomUUID();
        SHOP_PAGES.put(path, "<!DOCTYPE html><html><head><title>Shop</title></head><body><h1>My orders</h1>"
                + "<script src=\"" + url("/widget.js") + "\" defer data-parley-user-id=\"" + customer
                + "\" data-parley-user-email=\"" + email + "\" data-parley-user-timestamp=\"" + timestamp
                + "\" data-parley-user-signature=\"" + signature + "\" data-parley-name=\"Grace\"></script>"
                + "</body></html>");
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://127.0.0.1:" + shop.getAddress().getPort() + path);
        return page;
    }

    /** The shop: a real web server on another origin (a page Playwright made up would count as a public site). */
    @BeforeAll
    void openTheShop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            String html = SHOP_PAGES.get(exchange.getRequestURI().getPath());
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
    }

    @AfterAll
    void closeTheShop() {
        shop.stop(0);
    }
}
