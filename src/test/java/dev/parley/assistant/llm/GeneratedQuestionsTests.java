package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.knowledge.GeneratedQuestions;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.knowledge.internal.Articles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Example questions written by a model (a local server speaking OpenAI's wire format) for articles without any. */
@SpringBootTest
@AutoConfigureMockMvc
class GeneratedQuestionsTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        LocalModel.register(registry, MODEL);
        registry.add("parley.knowledge.demo-content", () -> "false");
        registry.add("parley.data-dir", () -> Path.of("target", "test-data", "generated-" + UUID.randomUUID()).toString());
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Autowired
    QuestionWriter writer;
    @Autowired
    GeneratedQuestions questions;
    @Autowired
    Articles articles;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    MockMvc mvc;
    @Autowired
    LlmUsage usage;
    @Autowired
    JdbcClient jdbc;

    private void modelWrites(String marker, String text) {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiWire.completion(text, 300, 40))));
    }

    private void modelAnswers(String marker, int status) {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"nope\",\"type\":\"invalid_request_error\"}}")));
    }

    private String publishedWithoutExamples(String prefix, String body) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        articles.create(new ArticleDraft(id, "Title " + id, body + " " + id, null, List.of(), "en",
                ArticleStatus.PUBLISHED, List.of()));
        return id;
    }

    private void dueNow(String id) {
        jdbc.sql("UPDATE knowledge_generation_failure SET retry_at = :at WHERE article_id = :id")
                .param("at", Instant.now().minusSeconds(1).atOffset(java.time.ZoneOffset.UTC)).param("id", id).update();
    }

    @Test
    void anArticleTheModelFailsOnWaitsItsTurnAndEditorsSeeWhy() throws Exception {
        // other test classes' articles may share this database: nothing here depends on what else needs questions
        String failing = publishedWithoutExamples("aa-fail-", "Our returns portal lives at returns.example.");
        modelAnswers(failing, 400);

        writer.writeFor(10_000);
        var first = questions.failure(failing).orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.reason()).contains("HTTP 400");
        assertThat(Duration.between(first.lastFailedAt(), first.nextTryAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(questions.needed(10_000)).extracting(GeneratedQuestions.ArticleToAsk::id)
                .as("it waits").doesNotContain(failing);

        String fresh = publishedWithoutExamples("ab-fresh-", "Gift wrapping costs three euros.");
        dueNow(failing);
        List<String> order = questions.needed(10_000).stream().map(GeneratedQuestions.ArticleToAsk::id).toList();
        assertThat(order).contains(failing, fresh);
        assertThat(order.indexOf(fresh)).as("an article never asked goes first, though its id sorts after")
                .isLessThan(order.indexOf(failing));
        assertThat(questions.needed(1)).extracting(GeneratedQuestions.ArticleToAsk::id)
                .as("the failed article does not take a run's only place").doesNotContain(failing);

        modelWrites(fresh, "Can you gift wrap my order?");
        writer.writeFor(10_000);
        assertThat(articles.find(fresh).orElseThrow().generated()).containsExactly("Can you gift wrap my order?");
        MODEL.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(failing)));
        var second = questions.failure(failing).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(second.lastFailedAt(), second.nextTryAt())).isEqualTo(Duration.ofMinutes(30));
        mvc.perform(MockMvcRequestBuilders.get("/knowledge/edit").param("id", failing)
                        .with(user("s").roles("SUPERVISOR", "AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "could not write questions for this article as it is now (2 times in a row")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("provider answered HTTP 400")));

        modelWrites(failing, "Where is the returns portal?");
        dueNow(failing);
        writer.writeFor(10_000);
        assertThat(articles.find(failing).orElseThrow().generated()).containsExactly("Where is the returns portal?");
        assertThat(questions.failure(failing)).isEmpty();
    }

    @Test
    void anAnswerWithoutUsableQuestionsCountsAsAFailure() {
        String id = publishedWithoutExamples("ac-empty-", "Store cards never expire.");
        modelWrites(id, "1.\n- \n\"\"");

        writer.writeFor(10_000);

        assertThat(articles.find(id).orElseThrow().generated()).isEmpty();
        assertThat(questions.failure(id)).hasValueSatisfying(f ->
                assertThat(f.reason()).isEqualTo("the model's answer held no usable questions"));
        assertThat(questions.needed(500)).extracting(GeneratedQuestions.ArticleToAsk::id).doesNotContain(id);
    }

    @Test
    void anUnavailableModelStopsTheRunWithoutHoldingArticlesBack() {
        String one = publishedWithoutExamples("zz-down-", "Parcel lockers take parcels up to 20 kg.");
        String two = publishedWithoutExamples("zz-down-", "Parcel lockers open at six.");
        modelAnswers("zz-down-", 503);

        writer.writeFor(10_000);

        MODEL.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("zz-down-")));
        assertThat(questions.failure(one)).isEmpty();
        assertThat(questions.failure(two)).isEmpty();
        assertThat(questions.needed(500)).extracting(GeneratedQuestions.ArticleToAsk::id).contains(one, two);

        modelWrites(one, "How heavy can a locker parcel be?");
        modelWrites(two, "When do the lockers open?");
        writer.writeFor(10_000);
        assertThat(articles.find(one).orElseThrow().generated()).containsExactly("How heavy can a locker parcel be?");
        assertThat(articles.find(two).orElseThrow().generated()).containsExactly("When do the lockers open?");
    }

    @Test
    void writesQuestionsForArticlesWithoutExamplesAndAgainOnlyWhenTheyChange() throws Exception {
        String id = "gen-" + UUID.randomUUID().toString().substring(0, 8);
        String own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        articles.create(new ArticleDraft(id, "Winter boots " + id, "Our winter boots are lined and waterproof to -20 C.",
                null, List.of(), "de", ArticleStatus.PUBLISHED, List.of()));
        articles.create(new ArticleDraft(own, "Gloves " + own, "Gloves come in three sizes.", null, List.of(), "en",
                ArticleStatus.PUBLISHED, List.of("which glove size")));
        modelWrites(id, "1. Sind die Winterstiefel wasserdicht?\n2) Wie warm halten die Stiefel?\n- \"Gefüttert?\"\n\n");

        writer.writeFor(10_000);

        MODEL.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("German"))
                .withRequestBody(containing("lined and waterproof")));
        MODEL.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(own)));
        assertThat(articles.find(id).orElseThrow().generated())
                .containsExactly("Sind die Winterstiefel wasserdicht?", "Wie warm halten die Stiefel?", "Gefüttert?");
        assertThat(knowledge.article(id).orElseThrow().examples()).contains("Wie warm halten die Stiefel?");
        assertThat(usage.totalsBetween(java.time.Instant.now().minusSeconds(600), java.time.Instant.now().plusSeconds(60))
                .inputTokens()).as("the model's tokens count in the usage totals").isGreaterThanOrEqualTo(300);
        assertThat(questions.needed(500)).extracting(GeneratedQuestions.ArticleToAsk::id).doesNotContain(id, own);

        articles.update(id, new ArticleDraft(id, "Winter boots " + id, "Now waterproof to -30 C.", null, List.of(), "de",
                ArticleStatus.PUBLISHED, List.of()));
        assertThat(questions.needed(500)).extracting(GeneratedQuestions.ArticleToAsk::id).contains(id);
        modelWrites(id, "Bis wie viel Grad sind die Stiefel wasserdicht?");
        writer.writeFor(10_000);
        assertThat(articles.find(id).orElseThrow().generated()).containsExactly("Bis wie viel Grad sind die Stiefel wasserdicht?");

        mvc.perform(MockMvcRequestBuilders.post("/knowledge/generated/remove").param("id", id)
                        .param("question", "Bis wie viel Grad sind die Stiefel wasserdicht?")
                        .with(user("s").roles("SUPERVISOR", "AGENT")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.find(id).orElseThrow().generated()).isEmpty();
        assertThat(questions.needed(500)).extracting(GeneratedQuestions.ArticleToAsk::id).doesNotContain(id);
    }
}
