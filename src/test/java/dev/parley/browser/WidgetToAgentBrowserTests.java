package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.support.QuietInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole hand-off in two browsers: a customer on the demo page asks for a person through the widget,
 * the signed-in agent sees the conversation arrive live in the inbox, replies, and the reply appears
 * in the customer's widget without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetToAgentBrowserTests extends BrowserTestSupport {

    private static final double WAIT = 15_000;

    @Autowired
    Agents agents;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEscalatedWidgetQuestionReachesTheAgentLiveAndTheReplyReachesTheWidgetLive() {
        // Only our agent is online and nothing else waits, so the escalation is assigned to them.
        QuietInbox.reset(jdbc);
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);

        try (BrowserContext agentSide = browser.newContext(); BrowserContext customerSide = browser.newContext()) {
            Page inbox = signIn(agentSide, agent.email());
            inbox.setDefaultTimeout(WAIT);
            inbox.navigate(url("/inbox?view=mine"));
            assertThat(inbox.locator("body[data-live=true]")).hasCount(1);

            Page shop = customerSide.newPage();
            shop.setDefaultTimeout(WAIT);
            shop.navigate(url("/demo"));
            shop.getByTestId("parley-bubble").click();
            shop.getByTestId("parley-input").fill("I want to talk to a human about my damaged tent");
            shop.getByTestId("parley-send").click();
            Locator widgetLog = shop.getByTestId("parley-log");
            assertThat(widgetLog).containsText("A person from our team will reply here.",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));

            Locator row = inbox.locator("tr", new Page.LocatorOptions().setHasText("my damaged tent"));
            assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT));
            row.locator("a").first().click();
            assertThat(inbox.locator("body[data-live=true]")).hasCount(1);
            inbox.locator("#reply-text").fill("Hi, I'm sorry about the tent! Could you send a photo of the damage?");
            inbox.locator("#send-reply").click();

            assertThat(widgetLog.locator(".msg[data-author=AGENT]"))
                    .containsText("Could you send a photo of the damage?",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT));
        }
    }
}
