package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.UnreadableSubject;
import dev.parley.realtime.EventStreams;
import dev.parley.realtime.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The widget on the demo page, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
class WidgetBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @Autowired
    Conversations conversations;
    @Autowired
    EventStreams streams;
    @Autowired
    JdbcClient jdbc;


    @Test
    void aCustomerAsksGetsAReplyAndSeesTheHistoryAfterAReload() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.getByTestId("parley-bubble").click();
            page.getByTestId("parley-input").fill("Where is my order 4711?");
            page.getByTestId("parley-send").click();

            Locator log = page.getByTestId("parley-log");
            assertThat(log.locator(".msg.customer")).containsText("Where is my order 4711?", WAIT);
            assertThat(log.locator(".msg.assistant").last()).not().isEmpty();
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(15_000));

            page.reload();
            page.getByTestId("parley-bubble").waitFor();
            Locator history = page.getByTestId("parley-log");
            assertThat(history.locator(".msg.customer")).containsText("Where is my order 4711?", WAIT);
            assertThat(history.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        }
    }

    @Test
    void anAgentsReplyArrivesLiveWithoutReloadAndIsRenderedAsText() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            Locator log = askedAndAnswered(page, "I need help with a broken zipper");
            UUID id = widgetConversationId(page);

            conversations.postReply(id, AuthorType.AGENT, null, "Grace", "<b>Hi</b>, Grace here — sending a new one.",
                    false);

            assertThat(log.locator(".msg[data-author=AGENT]")).containsText("<b>Hi</b>, Grace here", WAIT);
            assertThat(log.locator(".msg[data-author=AGENT] b")).hasCount(0);
        }
    }

    @Test
    void aWidgetCutOffFromItsStreamComesBackAfterAJitteredPauseAndShowsWhatItMissed() {
        try (BrowserContext context = browser.newContext()) {
            // the pauses the widget waits before connecting again, with a fixed "random" draw
            context.addInitScript("Math.random = () => 0.25; window.pauses = []; const plain = window.setTimeout;"
                    + " window.setTimeout = (fn, ms, ...rest) => { if (fn && fn.name === 'connect') pauses.push(ms);"
                    + " return plain(fn, ms, ...rest); };");
            Page page = context.newPage();
            Locator log = askedAndAnswered(page, "I need help with a broken zipper");
            UUID id = widgetConversationId(page);

            String topic = RealtimeEvent.conversationTopic(id);
            await().atMost(Duration.ofSeconds(15)).until(() -> streams.openStreams(topic) > 0);
            streams.stop(); // the node ends every stream, as when it stops
            streams.start();
            page.waitForFunction("() => window.pauses.length > 0");
            conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Sent while you were away", false);

            assertThat(log.locator(".msg[data-author=AGENT]")).containsText("Sent while you were away", WAIT);
            org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.pauses"))
                    .as("the first pause, 1 s of back-off times 0.5 + the draw").isEqualTo(List.of(750));
        }
    }

    @Test
    void aCustomerWhoseConversationCanNoLongerBeReadGoesOnInANewOneWithWhatTheyTyped() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            Locator log = askedAndAnswered(page, "I need help with a broken zipper");
            UUID first = widgetConversationId(page);
            try (UnreadableSubject lost = UnreadableSubject.of(jdbc, first)) { // its key is gone
                page.getByTestId("parley-input").fill("Can I change my delivery address?");
                page.getByTestId("parley-input").press("Enter");

                assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(2,
                        new LocatorAssertions.HasCountOptions().setTimeout(15_000));
                assertThat(log.locator(".msg[data-failed]")).hasCount(0);
                UUID second = widgetConversationId(page);
                org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(first);
                org.assertj.core.api.Assertions.assertThat(conversations.transcript(second, 0, 10))
                        .anyMatch(m -> m.text().equals("Can I change my delivery address?"));

                // coming back to a page whose stored conversation cannot be read opens a fresh chat, no error
                try (UnreadableSubject alsoLost = UnreadableSubject.of(jdbc, second)) {
                    page.reload();
                    page.getByTestId("parley-bubble").waitFor();
                    page.waitForFunction("() => !Object.values(localStorage).some(v => v.includes('"
                            + second + "'))");
                    assertThat(page.getByTestId("parley-log").locator(".msg[data-author]")).hasCount(0);
                }
            }
        }
    }

    /** A question sent with Enter in the demo page's widget, once the assistant answered: the widget's log. */
    private Locator askedAndAnswered(Page page, String question) {
        page.navigate(url("/demo"));
        page.getByTestId("parley-bubble").click();
        page.getByTestId("parley-input").fill(question);
        page.getByTestId("parley-input").press("Enter");
        Locator log = page.getByTestId("parley-log");
        assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        return log;
    }

    @Test
    void worksOnAPhoneSizedViewportAndClosesWithEscape() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 667))) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.getByTestId("parley-bubble").click();
            Locator panel = page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG);
            assertThat(panel).isVisible();
            var box = panel.boundingBox();
            org.assertj.core.api.Assertions.assertThat(box.width).isGreaterThanOrEqualTo(370);
            page.keyboard().press("Escape");
            assertThat(panel).isHidden();
        }
    }
}
