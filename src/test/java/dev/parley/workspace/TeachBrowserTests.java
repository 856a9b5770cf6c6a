package dev.parley.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.parley.browser.BrowserTestSupport;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.identity.Agent;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** In headless Chromium: an agent teaches the assistant a customer's phrasing from the conversation page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeachBrowserTests extends BrowserTestSupport {

    @Autowired
    Agents agents;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    Articles articles;
    @Autowired
    KnowledgeBase knowledge;

    @Test
    void anAgentAttachesAnEditedQuestionToTheSuggestedArticleAndSeesWhyASecondTryFails() {
        String articleId = "snorkel-hire-" + UUID.randomUUID().toString().substring(0, 8);
        articles.importAll(List.of(new ArticleDraft(articleId, "Snorkel hire " + articleId,
                "Snorkels can be hired at the beach hut for $5 a day.", null, List.of(), null, ArticleStatus.PUBLISHED,
                List.of())));
        Eventually.within(Duration.ofSeconds(60), "the article is searchable",
                () -> knowledge.search("snorkel hire", 20).stream().anyMatch(h -> h.articleId().equals(articleId)));
        UUID id = conversations.start(new NewConversation("web", new Customer("Kai", null, null), null, null))
                .conversation().id();
        flow.receive(id, new IncomingMessage("I'm Kai, can I hire a snorkel at the beach?", null));
        Agent agent = TestAgents.create(agents, Role.AGENT, 5);

        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, agent.email());
            page.navigate(url("/inbox/conversations/" + id));
            page.locator("#teach-box summary").click();
            assertThat(page.locator("#teach-question")).hasValue("I'm Kai, can I hire a snorkel at the beach?");

            page.locator("#teach-find").fill("snorkel hire");
            page.locator(".teach-find button").click();
            page.locator("input[name=articleId][value='" + articleId + "']").check();
            page.locator("#teach-question").fill("can I hire a snorkel at the beach?");
            page.locator("#teach-submit").click();
            assertThat(page.locator("#teach-result")).containsText("Added to Snorkel hire " + articleId);
            assertThat(knowledge.article(articleId).orElseThrow().examples())
                    .containsExactly("can I hire a snorkel at the beach?");

            articles.delete(articleId);
            page.locator("#teach-submit").click();
            assertThat(page.locator("#teach-result .error")).hasText(Pattern.compile(".*" + articleId + ".*does not exist.*"));
        }
    }
}
