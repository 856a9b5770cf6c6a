package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.conversation.Conversations;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** When nobody is online to take over, the widget says so honestly and continues by email. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoAgentOnlineBrowserTests extends BrowserTestSupport {

    private static final double WAIT = 20_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Conversations conversations;

    @Test
    void aCustomerHandedOverWithNobodyOnlineLeavesAnEmailAddress() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE', manual = TRUE").update();

        try (BrowserContext customer = browser.newContext()) {
            Page shop = customer.newPage();
            shop.setDefaultTimeout(WAIT);
            shop.navigate(url("/demo"));
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("Please let me talk to a human about my broken stove");
            shop.getByTestId("parley-send").click();

            Locator log = shop.getByTestId("parley-log");
            assertThat(log).containsText("No one from our team is online right now",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            shop.getByLabel("Your email").fill("sam@example.com");
            shop.locator("form.email button").click();
            assertThat(log).containsText("We will reply to sam@example.com",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));

            String state = (String) shop.evaluate("() => Object.values(localStorage)[0]");
            UUID id = UUID.fromString(state.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
            assertThat(conversations.get(id).customer().email()).isEqualTo("sam@example.com");
        }
    }
}
