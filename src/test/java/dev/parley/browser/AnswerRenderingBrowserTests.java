package dev.parley.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.assistant.internal.TrainedScorer;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversations;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.Eventually;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Replies render as a safe Markdown subset in the widget and in the dashboard transcript: real links that open in
 * a new tab, lists and bold instead of raw Markdown, and nothing from article text ever runs as markup or script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*")
class AnswerRenderingBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);
    private static final String HOSTILE = """
            **Bold** and [a script link](javascript:window.__pwned=1) and [mixed case](JaVaScRiPt:window.__pwned=2).
            <img src=x onerror="window.__pwned=3"> <script>window.__pwned=4</script>

            | Method | Time |
            |---|---|
            | PayPal | 24 hours |

            Read more: [Safe article](https://example.com/safe)""";

    @Autowired
    Conversations conversations;
    @Autowired
    Agents agents;
    @Autowired
    TrainedScorer scorer;

    @BeforeEach
    void assistantTrained() {
        Eventually.within(Duration.ofSeconds(120), "the assistant is trained on the demo articles",
                () -> scorer.current().articleCount() > 0);
    }

    private Page ask(BrowserContext context, String question) {
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        askInTheDemoWidget(page, question);
        return page;
    }

    @Test
    void anAnswerShowsItsPassageWithTheArticleAsARealLinkAndNoRawMarkdown() {
        try (BrowserContext context = browser.newContext()) {
            Page page = ask(context, "How do I return an item?");
            Locator answer = page.locator(".msg[data-author=ASSISTANT] .text.formatted");
            assertThat(answer).containsText("Read more:", WAIT);
            Locator link = answer.locator("a", new Locator.LocatorOptions().setHasText("How do I return an item?"));
            assertThat(link).hasAttribute("href", java.util.regex.Pattern.compile("/help/articles/how-to-return$"));
            assertThat(link).hasAttribute("target", "_blank");
            assertThat(link).hasAttribute("rel", "noopener noreferrer");
            assertThat(answer).not().containsText("**");
            assertThat(answer).not().containsText("](");
            assertThat(answer.locator("strong").first()).isVisible();
            assertThat(page.locator(".msg[data-author=ASSISTANT] .sources")).hasCount(0);

            // Articles link to parley.base-url (not this test's port): answer that address here.
            context.route("**/help/articles/how-to-return", route -> route.fulfill(
                    new com.microsoft.playwright.Route.FulfillOptions().setBody("the article").setContentType("text/html")));
            Page article = context.waitForPage(link::click);
            article.waitForURL("**/help/articles/how-to-return");
            org.assertj.core.api.Assertions.assertThat(article.url()).endsWith("/help/articles/how-to-return");
            org.assertj.core.api.Assertions.assertThat(context.pages()).hasSize(2);
        }
    }

    @Test
    void articleTextNeverRunsAsMarkupOrScriptInTheWidgetOrTheDashboard() {
        var agent = TestAgents.create(agents, Role.SUPERVISOR);
        try (BrowserContext customer = browser.newContext(); BrowserContext agentSide = browser.newContext()) {
            Page page = ask(customer, "I want to talk to a person");
            Locator log = page.getByTestId("parley-log");
            assertThat(log).containsText("A person from our team will reply here.", WAIT);
            UUID id = widgetConversationId(page);
            conversations.postReply(id, AuthorType.ASSISTANT, null, "Assistant", HOSTILE, false);

            Locator reply = log.locator(".msg[data-author=ASSISTANT] .text.formatted").last();
            assertThat(reply).containsText("Safe article", WAIT);
            assertRenderedSafely(page, reply);
            assertThat(reply).containsText("<script>window.__pwned=4</script>");

            Page dashboard = signIn(agentSide, agent.email());
            dashboard.navigate(url("/inbox/conversations/" + id));
            Locator body = dashboard.locator(".message.from-assistant .body.formatted").last();
            assertThat(body).containsText("Safe article");
            assertRenderedSafely(dashboard, body);
        }
    }

    private static void assertRenderedSafely(Page page, Locator reply) {
        assertThat(reply.locator("strong")).hasText("Bold");
        assertThat(reply.locator("a")).hasCount(1);
        assertThat(reply.locator("a")).hasAttribute("href", "https://example.com/safe");
        assertThat(reply.locator("a")).hasAttribute("target", "_blank");
        assertThat(reply.locator("img, script")).hasCount(0);
        assertThat(reply.locator("li")).hasText("PayPal: 24 hours");
        assertThat(reply).containsText("a script link");
        reply.getByText("a script link").click();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__pwned")).isNull();
        assertThat(reply).not().containsText("|---|");
    }
}
