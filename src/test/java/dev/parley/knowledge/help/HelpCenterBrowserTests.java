package dev.parley.knowledge.help;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.parley.browser.BrowserTestSupport;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The help center and the widget's article suggestions in real headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.knowledge.demo-content=false", "parley.widget.allowed-origins=http://localhost:*,http://127.0.0.1:*"})
@Import(HelpCenterTestSupport.ScriptedAssistant.class)
class HelpCenterBrowserTests extends BrowserTestSupport {

    private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(15_000);

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/help-browser-" + UUID.randomUUID());
    }

    @Autowired
    Articles articles;

    @Autowired
    KnowledgeBase knowledge;

    @Test
    void aCustomerSearchesOpensAnArticleAndSaysItHelped() {
        String id = publish("Caring for your quillfeather jacket",
                "Wash your **quillfeather** jacket cold and hang it to dry.", List.of("how do I wash my quillfeather jacket"));

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/help"));
            page.getByTestId("help-hero-input").fill("wash quillfeather jacket");
            page.getByTestId("help-hero-search").click();

            Locator results = page.getByTestId("help-results");
            assertThat(results).containsText("Caring for your quillfeather jacket", WAIT);
            results.getByText("Caring for your quillfeather jacket").click();

            assertThat(page.getByTestId("help-article-title")).hasText("Caring for your quillfeather jacket");
            assertThat(page.locator("article strong")).hasText("quillfeather");
            page.getByTestId("help-vote-yes").click();

            assertThat(page.getByTestId("help-feedback-thanks")).hasText("Thanks for your feedback!");
            assertThat(page.getByTestId("help-vote-yes")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("/help/articles/" + id + "#feedback");
        }
    }

    @Test
    void theWidgetOffersMatchingArticlesAfterAHandOff() {
        publish("Returning a glimmerstone lamp", "Pack the glimmerstone lamp in its box and send it back within 30 days.",
                List.of("how do I return my glimmerstone lamp", "send back a glimmerstone lamp"));

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("/demo"));
            page.getByTestId("parley-bubble").click();
            page.getByTestId("parley-input").fill("How do I return my glimmerstone lamp?");
            page.getByTestId("parley-send").click();

            Locator suggested = page.getByTestId("parley-articles");
            assertThat(suggested).containsText("These articles might help", WAIT);
            Locator link = suggested.locator("a");
            assertThat(link.first()).hasText("Returning a glimmerstone lamp");
            assertThat(link.first()).hasAttribute("target", "_blank");
            assertThat(link.first()).hasAttribute("href", java.util.regex.Pattern.compile("^https?://.*/help/articles/"));
        }
    }

    private String publish(String title, String body, List<String> examples) {
        String id = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        articles.create(new ArticleDraft(id, title, body, null, List.of(), "en", ArticleStatus.PUBLISHED, examples));
        Eventually.within(Duration.ofSeconds(120), id + " is indexed",
                () -> knowledge.search(title, 5).stream().anyMatch(hit -> hit.articleId().equals(id)));
        return id;
    }
}
