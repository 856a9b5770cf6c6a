package dev.parley.knowledge.help;

import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.AssistantPort;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for the help-center tests, with its own search index. The database is shared
 * with other tests, so every test writes articles (and categories) with ids of its own.
 */
@SpringBootTest(properties = "parley.knowledge.demo-content=false")
@AutoConfigureMockMvc
@Import(HelpCenterTestSupport.ScriptedAssistant.class)
abstract class HelpCenterTestSupport {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/help-center-" + UUID.randomUUID());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Articles articles;

    @Autowired
    KnowledgeBase knowledge;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String publish(String id, String title, String body, String category, String... examples) {
        articles.create(new ArticleDraft(id, title, body, category, List.of(), "en", ArticleStatus.PUBLISHED,
                Arrays.asList(examples)));
        return id;
    }

    String draft(String id, String title, String body, String category) {
        articles.create(new ArticleDraft(id, title, body, category, List.of(), "en", ArticleStatus.DRAFT, List.of()));
        return id;
    }

    /** Waits until the index (updated in the background) finds the article for this query. */
    void searchable(String id, String query) {
        Eventually.within(Duration.ofSeconds(120), id + " is indexed",
                () -> knowledge.search(query, 20).stream().anyMatch(hit -> hit.articleId().equals(id)));
    }

    /** Answers "cite: a, b" with those articles as sources and escalates everything else. */
    @TestConfiguration
    static class ScriptedAssistant {

        @Bean
        @Primary
        AssistantPort citingAssistant() {
            return request -> {
                String text = request.message().text();
                if (text.startsWith("cite:")) {
                    List<SourceRef> sources = Arrays.stream(text.substring(5).split(","))
                            .map(String::strip).map(id -> new SourceRef(id, id, null)).toList();
                    return AssistantOutcome.answer("See these articles", 0.9, sources);
                }
                return AssistantOutcome.escalate(EscalationReason.LOW_CONFIDENCE, "A person will reply here.", 0.2);
            };
        }
    }
}
