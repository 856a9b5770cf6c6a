package dev.parley.knowledge.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.knowledge.Eventually;
import dev.parley.knowledge.internal.ImportFormat;
import dev.parley.knowledge.internal.ImportSource;
import dev.parley.knowledge.internal.KnowledgeImports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/** Suggestions against the Northwind Outfitters demo articles, the content the floor was tuned on. */
class HelpSuggestionsApiTests extends HelpCenterTestSupport {

    @Autowired
    java.time.Clock clock;

    @Autowired
    KnowledgeImports imports;

    @BeforeEach
    void demoArticles() throws Exception {
        List<ImportSource> demo = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:demo/knowledge/*.md")) {
            demo.add(new ImportSource(file.getFilename(), file.getContentAsByteArray()));
        }
        imports.importFiles(ImportFormat.MARKDOWN, demo);
        Eventually.within(Duration.ofSeconds(60), "demo articles indexed", () -> knowledge.search(
                "How long do refunds take", 5).stream().anyMatch(hit -> hit.articleId().equals("refund-timing")));
    }

    @Test
    void suggestsPublishedArticlesThatMatchTheQuestion() throws Exception {
        mvc.perform(get("/api/v1/widget/help/suggestions").param("q", "how do I send back a jacket that doesn't fit"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1), org.hamcrest.Matchers.lessThanOrEqualTo(3))))
                .andExpect(jsonPath("$[0].id").value(org.hamcrest.Matchers.oneOf("how-to-return", "exchanges", "return-policy")))
                .andExpect(jsonPath("$[0].url").value(org.hamcrest.Matchers.startsWith("http://localhost:8080/help/articles/")))
                .andExpect(jsonPath("$[0].title").isNotEmpty());
        mvc.perform(get("/api/v1/widget/help/suggestions").param("q", "my package never arrived").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("lost-package"));
    }

    @Test
    void suggestsNothingForOffTopicQuestions() throws Exception {
        for (String offTopic : List.of("what is the capital of France", "tell me a joke about penguins",
                "can you help me with my maths homework")) {
            mvc.perform(get("/api/v1/widget/help/suggestions").param("q", offTopic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.length()").value(0));
        }
    }

    @Test
    void limitsSearchesPerClientAddressAcrossSuggestionsAndTheSearchPage() throws Exception {
        String address = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        startEarlyInAMinuteWindow();
        org.springframework.test.web.servlet.request.RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/widget/help/suggestions").param("q", "refund " + i).with(from))
                    .andExpect(status().isOk());
            mvc.perform(get("/help/search").param("q", "return " + i).with(from)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/widget/help/suggestions").param("q", "one more").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/help/search").param("q", "one more").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("One moment, please")));
        mvc.perform(get("/api/v1/widget/help/suggestions").param("q", "refund")).andExpect(status().isOk());
    }

    /**
     * The limit counts in minute windows that start at whole minutes since the epoch: a loop that straddled a window's
     * end would see its count start again, so it starts where at least 20 s of the window are left.
     */
    private void startEarlyInAMinuteWindow() throws InterruptedException {
        long intoWindow = clock.millis() % 60_000;
        if (intoWindow > 40_000) {
            Thread.sleep(60_000 - intoWindow + 100);
        }
    }

    @Test
    void answersAProblemForABlankQuestionOrABadLimit() throws Exception {
        for (var request : List.of(get("/api/v1/widget/help/suggestions").param("q", "  "),
                get("/api/v1/widget/help/suggestions"),
                get("/api/v1/widget/help/suggestions").param("q", "refund").param("limit", "6"),
                get("/api/v1/widget/help/suggestions").param("q", "refund").param("limit", "0"),
                get("/api/v1/widget/help/suggestions").param("q", "refund").param("limit", "many"))) {
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400));
        }
    }
}
