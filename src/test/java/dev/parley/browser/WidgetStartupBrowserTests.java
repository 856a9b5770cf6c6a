package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.mockito.Mockito.when;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.assistant.AssistantReadiness;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A question sent while the assistant is still loading is held with "starting up" and answered once it is ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
class WidgetStartupBrowserTests extends BrowserTestSupport {

    @MockitoBean
    AssistantReadiness assistant;

    @Test
    void theWidgetSaysStartingUpAndSendsTheQuestionAgainWhenTheAssistantIsReady() {
        when(assistant.ready()).thenReturn(false);
        try (BrowserContext context = browser.newContext()) {
            Locator log = askInTheDemoWidget(context.newPage(), "How do I return an item?");
            assertThat(log).containsText("The assistant is starting up, one moment",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(0);

            when(assistant.ready()).thenReturn(true);
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(20_000));
            assertThat(log.locator(".msg.customer")).hasCount(1);
            assertThat(log).not().containsText("could not be sent");
        }
    }
}
