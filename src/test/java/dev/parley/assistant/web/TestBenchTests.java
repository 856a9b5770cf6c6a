package dev.parley.assistant.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.parley.assistant.internal.TrainedScorer;
import dev.parley.assistant.internal.eval.BenchQuestion;
import dev.parley.assistant.internal.eval.BenchReport;
import dev.parley.assistant.internal.eval.QuestionSets;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.internal.Articles;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The admin test bench on the demo knowledge base: runs, figures, saved sets and regressions. */
@SpringBootTest
@AutoConfigureMockMvc
class TestBenchTests {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-bench-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bench-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;
    @Autowired
    QuestionSets sets;
    @Autowired
    TrainedScorer scorer;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    Articles articles;

    @BeforeEach
    void demoKnowledgeIsLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> knowledge.version() > 0
                && scorer.current().version() == knowledge.version() && scorer.current().articleCount() > 20);
    }

    private AgentPrincipal admin() {
        return TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
    }

    @Test
    void runsPastedQuestionsThroughThePipelineAndReportsFiguresAndAThreshold() throws Exception {
        mvc.perform(post("/admin/assistant/test").with(user(admin())).with(csrf())
                        .param("questions", "How do I return an item? | return-policy\nWhat is the capital of France? | -\n"
                                + "Where is my order?\nCan I send it back? | retrun-policy")
                        .param("targetPrecision", "0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"bench-summary\""),
                        containsString("id=\"bench-threshold\""), containsString("What is the capital of France?"),
                        containsString("Hands over"), containsString("Where is my order?"),
                        containsString("No published article has the id retrun-policy"),
                        containsString("retrun-policy (no such article)"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("return-policy (no such article)"))));
    }

    @Test
    void aSavedSetListsTheQuestionsThatGotWorseAfterAKnowledgeChange() {
        String question = "How do I return an item?";
        BenchReport first = sets.run(List.of(new BenchQuestion(question, null, false)), 0.95);
        String best = first.rows().getFirst().articleId();
        assertThat(first.rows().getFirst().escalates()).as("the demo answers its own README question").isFalse();

        String id = sets.save("Returns " + UUID.randomUUID(), List.of(new BenchQuestion(question, best, true),
                new BenchQuestion("Do you sell cars?", null, true)));
        BenchReport before = sets.runSaved(id, 0.95);
        assertThat(before.rows().getFirst().right()).isTrue();
        assertThat(before.summary().labelled()).isEqualTo(2);
        assertThat(before.regressions()).isEmpty();
        assertThat(before.unknownArticles()).isEmpty();

        long version = knowledge.version();
        articles.unpublish(List.of(best));
        Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> scorer.current().version() > version);
        BenchReport after = sets.runSaved(id, 0.95);
        assertThat(after.rows().getFirst().right()).isFalse();
        assertThat(after.regressions()).containsExactly(question);
        assertThat(after.unknownArticles()).as("the unpublished article is named").containsExactly(best);
        assertThat(sets.saved()).filteredOn(s -> s.id().equals(id)).singleElement()
                .satisfies(s -> assertThat(s.lastVersion()).isGreaterThan(version));
    }

    @Test
    void theApiRunsQuestionsForAdminsAndRefusesBadInput() throws Exception {
        mvc.perform(post("/api/v1/admin/assistant/test-runs").with(user(admin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questions\":[{\"question\":\"Do you sell cars?\",\"outOfScope\":true}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].question").value("Do you sell cars?"))
                .andExpect(jsonPath("$.summary.outOfScope").value(1));
        mvc.perform(post("/api/v1/admin/assistant/test-runs").with(user(admin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"questions\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        AgentPrincipal supervisor = TestAgents.principal(TestAgents.create(agents, Role.SUPERVISOR));
        mvc.perform(post("/api/v1/admin/assistant/test-runs").with(user(supervisor)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"questions\":[{\"question\":\"hi\"}]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/assistant/test/sets/run").with(user(admin())).with(csrf()).param("id", "no-such-set"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/assistant/test").with(user(admin())).with(csrf()).param("questions", "  \n "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"bench-error\"")));
    }
}
