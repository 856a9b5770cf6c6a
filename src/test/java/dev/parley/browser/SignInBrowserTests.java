package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Signing in and out the way people do: from the bare address, a link into the dashboard, a typed address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTests extends BrowserTestSupport {

    @Autowired
    Agents agents;

    @Test
    void someoneOpeningTheServersAddressSignsInAndLandsInTheInbox() {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);

            page.navigate(url("/"));
            signInOnTheForm(page, agent);

            assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
            assertThat(page).hasTitle(Pattern.compile("Inbox"));
        }
    }

    @Test
    void aLinkIntoTheDashboardOpensWhereItPointsAfterSigningIn() {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);

            page.navigate(url("/inbox?view=all&sort=newest"));
            signInOnTheForm(page, agent);

            assertThat(page).hasURL(Pattern.compile(".*/inbox\\?view=all&sort=newest.*"));
            assertThat(page.locator("select[name=sort]")).hasValue("newest");
        }
    }

    @Test
    void theSignOutAddressTypedInAsksFirstAndThenSignsOut() {
        Agent agent = TestAgents.create(agents, Role.AGENT);
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());

            page.navigate(url("/logout"));
            assertThat(page.locator("main")).containsText(agent.email());
            page.getByTestId("sign-out").click();

            assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
            assertThat(page.locator("[role=status]")).containsText("You have signed out.");
            page.navigate(url("/inbox"));
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    private static void signInOnTheForm(Page page, Agent agent) {
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.locator("input[name=username]").fill(agent.email());
        page.locator("input[name=password]").fill(TestAgents.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForLoadState();
    }
}
