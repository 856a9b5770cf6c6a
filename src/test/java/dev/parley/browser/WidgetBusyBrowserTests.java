package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageAdmission;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A message sent while the node is handling as many as it may is kept, sent again after Retry-After, and shown once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*",
                "parley.conversation.admission.max-wait=200ms"})
class WidgetBusyBrowserTests extends BrowserTestSupport {

    @Autowired
    CustomerMessageAdmission admission;
    @Autowired
    Conversations conversations;

    @Test
    void aMessageRefusedAsBusyIsSentAgainAndDeliveredOnce() throws Exception {
        CountDownLatch taken = new CountDownLatch(admission.limit());
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService others = Executors.newVirtualThreadPerTaskExecutor();
        try (BrowserContext context = browser.newContext()) {
            for (int i = 0; i < admission.limit(); i++) {
                others.submit(() -> admission.admit(() -> {
                    taken.countDown();
                    return awaitQuietly(release);
                }));
            }
            assertThat(taken.await(30, TimeUnit.SECONDS)).as("every slot is taken by other customers").isTrue();

            Page page = context.newPage();
            Locator log = askInTheDemoWidget(page, "How do I return an item?");
            assertThat(log).containsText("We are a little busy right now",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            assertThat(log.locator(".msg.customer")).hasCount(1);

            release.countDown();
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            assertThat(log.locator(".msg.customer")).hasCount(1);
            assertThat(log.locator(".msg.customer[data-failed]")).hasCount(0);
            assertThat(log).not().containsText("could not be sent");

            assertThat(conversations.visibleMessages(widgetConversationId(page), 0, 100).stream()
                    .filter(m -> m.authorType() == AuthorType.CUSTOMER)).hasSize(1);
        } finally {
            release.countDown();
            others.close();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
