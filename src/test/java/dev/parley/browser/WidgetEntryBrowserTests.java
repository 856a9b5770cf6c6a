package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A site that asks who the customer is before the chat: the form says what is missing in the server's words, the
 * answers become the contact and the category, and "Talk to a person" hands the chat over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.widget.pre-chat.enabled=true", "parley.widget.pre-chat.categories=billing,orders"})
class WidgetEntryBrowserTests extends BrowserTestSupport {

    private static final double WAIT = 20_000;

    @Autowired
    Conversations conversations;

    @Test
    void theCustomerFillsInThePreChatFormAndAsksForAPerson() {
        try (BrowserContext customer = browser.newContext()) {
            Page shop = customer.newPage();
            shop.setDefaultTimeout(WAIT);
            shop.navigate(url("/demo"));
            shop.getByTestId("parley-bubble").click();

            Locator form = shop.getByTestId("parley-prechat");
            assertThat(form).isVisible();
            assertThat(shop.getByTestId("parley-input")).isHidden();
            assertThat(shop.getByTestId("parley-human")).isHidden();
            form.locator("button[type=submit]").click();
            assertThat(shop.getByTestId("parley-prechat-error"))
                    .hasText("Please enter your name. Please enter your email address.");

            shop.getByTestId("parley-prechat-name").fill("Noor Haddad");
            shop.getByTestId("parley-prechat-email").fill("noor@example.com");
            shop.getByTestId("parley-prechat-category").selectOption("orders");
            form.locator("button[type=submit]").click();
            assertThat(form).isHidden();
            assertThat(shop.getByTestId("parley-input")).isVisible();

            String state = (String) shop.evaluate("() => Object.values(localStorage)[0]");
            UUID id = UUID.fromString(state.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
            Conversation started = conversations.get(id);
            assertThat(started.customer().name()).isEqualTo("Noor Haddad");
            assertThat(started.customer().email()).isEqualTo("noor@example.com");
            assertThat(started.category()).isEqualTo("orders");

            shop.getByTestId("parley-human").click();
            assertThat(shop.getByTestId("parley-log")).containsText("A person from our team will reply here.",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
            assertThat(shop.getByTestId("parley-human")).isHidden();
            Conversation handedOver = conversations.get(id);
            assertThat(handedOver.status()).isIn(ConversationStatus.ESCALATED, ConversationStatus.IN_PROGRESS);
            assertThat(handedOver.escalationReason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);

            // The answers are remembered: the open chat comes back on the next page without the form.
            shop.reload();
            assertThat(shop.getByTestId("parley-input")).isVisible();
            assertThat(form).isHidden();
        }
    }
}
