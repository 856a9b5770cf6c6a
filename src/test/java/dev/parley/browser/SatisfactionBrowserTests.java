package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsReports;
import dev.parley.analytics.AnalyticsSummary;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A customer rates a resolved conversation in the widget, and the rating shows up in analytics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SatisfactionBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.IsVisibleOptions VISIBLE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(15_000);

    @Autowired
    Conversations conversations;
    @Autowired
    AnalyticsReports reports;


    @Test
    void aCustomerRatesAResolvedConversationAndAnalyticsCountsIt() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        AnalyticsFilter todayOnly = new AnalyticsFilter(today, today, null, null);
        AnalyticsSummary before = reports.summary(todayOnly);

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.getByTestId("parley-bubble").click();
            page.getByTestId("parley-input").fill("My jacket zipper broke after a week");
            page.getByTestId("parley-send").click();
            Locator log = page.getByTestId("parley-log");
            assertThat(log.locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(15_000));
            String state = (String) page.evaluate("() => Object.values(localStorage)[0]");
            UUID id = UUID.fromString(state.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));

            if (conversations.get(id).status() == ConversationStatus.ESCALATED) {
                conversations.changeStatus(id, ConversationStatus.IN_PROGRESS);
            }
            conversations.changeStatus(id, ConversationStatus.RESOLVED);

            Locator rating = page.getByTestId("parley-rating");
            assertThat(rating).isVisible(VISIBLE);
            rating.getByLabel("4 of 5").click();
            rating.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Send rating")).click();
            assertThat(log).containsText("Thanks for your feedback!",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        }

        AnalyticsSummary after = reports.summary(todayOnly);
        assertThat(after.csat().responses()).isEqualTo(before.csat().responses() + 1);
        assertThat(after.csat().distribution().get(4)).isEqualTo(before.csat().distribution().get(4) + 1);
    }
}
