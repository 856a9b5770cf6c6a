package dev.parley.knowledge.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import dev.parley.knowledge.ArticleStats;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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

/** When article stats are collected, the list shows them instead of "–". */
@SpringBootTest(properties = {"parley.knowledge.demo-content=false"})
@AutoConfigureMockMvc
@Import(KnowledgeStatsColumnTests.FixedStats.class)
class KnowledgeStatsColumnTests {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/knowledge-stats-" + UUID.randomUUID());
    }

    @TestConfiguration
    static class FixedStats {

        @Bean
        @Primary
        ArticleStats fixedStats() {
            return id -> id.startsWith("popular-") ? new ArticleStats.Stats(1234, 3, 1, 17)
                    : new ArticleStats.Stats(0, 0, 0, 0);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Articles articles;

    @Test
    void listShowsViewsHelpfulShareAndAssistantUse() throws Exception {
        String token = UUID.randomUUID().toString().substring(0, 8);
        articles.create(new ArticleDraft("popular-" + token, "Popular " + token, "Body", null, List.of(), null,
                ArticleStatus.PUBLISHED, List.of()));
        articles.create(new ArticleDraft("quiet-" + token, "Quiet " + token, "Body", null, List.of(), null,
                ArticleStatus.PUBLISHED, List.of()));
        mvc.perform(get("/knowledge").param("q", token).with(user("lead").roles("SUPERVISOR", "AGENT")))
                .andExpect(content().string(allOf(containsString("<td class=\"num\">1234</td>"),
                        containsString("<td class=\"num\">75% of 4</td>"), containsString("<td class=\"num\">17</td>"),
                        containsString("<td class=\"num\">0</td>"), containsString("<td class=\"num\">–</td>"))));
    }
}
