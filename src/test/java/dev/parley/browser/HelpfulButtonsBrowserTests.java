package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.parley.support.ScriptedAssistant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** "Did that help?" under an AI answer in the widget, in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
@Import(ScriptedAssistant.class)
class HelpfulButtonsBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);
    private static final LocatorAssertions.IsVisibleOptions VISIBLE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(15_000);

    @Test
    void yesAfterAnAiAnswerShowsAThankYou() {
        try (BrowserContext context = browser.newContext()) {
            Page page = ask(context, "answerable: How do I return an item?");
            Locator helpful = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Did that help?"));
            assertThat(helpful).isVisible(VISIBLE);
            assertThat(helpful.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("No, I need more help")))
                    .isVisible();

            helpful.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, thanks")).click();

            assertThat(page.getByTestId("parley-log")).containsText("Thanks for letting us know", WAIT);
            assertThat(page.getByTestId("parley-helpful")).hasCount(0);
            page.reload();
            assertThat(page.getByTestId("parley-log").locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(15_000));
            assertThat(page.getByTestId("parley-helpful")).hasCount(0); // answered once, not asked again
        }
    }

    @Test
    void noHandsOverAndShowsTheHandOverMessage() {
        try (BrowserContext context = browser.newContext()) {
            Page page = ask(context, "answerable: How long does shipping take?");
            page.getByTestId("parley-helpful-no").click();

            Locator log = page.getByTestId("parley-log");
            assertThat(log.locator(".msg[data-author=SYSTEM]")).containsText("Sorry that didn't help", WAIT);
            assertThat(page.getByTestId("parley-helpful")).hasCount(0);

            page.getByTestId("parley-input").fill("Are you there?");
            page.getByTestId("parley-send").click();
            assertThat(log.locator(".msg[data-author=SYSTEM]").last()).containsText("Thanks", WAIT);
        }
    }

    @Test
    void aHandOffIsNotFollowedByTheQuestion() {
        try (BrowserContext context = browser.newContext()) {
            Page page = ask(context, "I want to talk to a human");
            assertThat(page.getByTestId("parley-log")).containsText("A person from our team will reply here", WAIT);
            assertThat(page.getByTestId("parley-helpful")).hasCount(0);
        }
    }

    private Page ask(BrowserContext context, String question) {
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate(url("/demo"));
        page.getByTestId("parley-bubble").click();
        page.getByTestId("parley-input").fill(question);
        page.getByTestId("parley-send").click();
        assertThat(page.getByTestId("parley-log").locator(".msg[data-author=ASSISTANT]")).hasCount(1,
                new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        return page;
    }
}
