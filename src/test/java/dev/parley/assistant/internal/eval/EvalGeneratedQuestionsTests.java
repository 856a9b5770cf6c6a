package dev.parley.assistant.internal.eval;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.assistant.internal.Fixtures;
import dev.parley.assistant.llm.OpenAiWire;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eval command with a model (a local server speaking OpenAI's wire format) writing questions for a small prose
 * knowledge base: four articles without examples and one with its own, one question for each of the four.
 */
class EvalGeneratedQuestionsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final WireMockServer model = new WireMockServer(options().dynamicPort());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        model.start();
    }

    @AfterEach
    void stop() {
        model.stop();
    }

    private int eval(String... extra) {
        List<String> args = new ArrayList<>(List.of("--kb", Fixtures.resource("prose-kb.jsonl").toString(),
                "--queries", Fixtures.resource("prose-queries.jsonl").toString(), "--threshold", "0"));
        args.addAll(List.of(extra));
        return EvalCommand.run(EvalOptions.parse(args), Fixtures.embeddings(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void modelWrites(String title, String questions) {
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("# " + title))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(OpenAiWire.completion(questions, 120, 30))));
    }

    private void modelWritesForEveryArticle() {
        modelWrites("Inactive accounts", """
                1. where did the money from my old account go?
                2. the balance of my old account disappeared
                3. how do I get my money back from a closed account?""");
        modelWrites("Lost or stolen cards", "- I lost my card, what do I do?\n- my card was stolen\n- \"when does my new card arrive?\"");
        modelWrites("Monthly fees", """
                what does the premium plan cost per month?
                why was money taken from my account on the first of the month?
                how much is the standard plan?""");
        modelWrites("International transfers", """
                how long does a transfer to another country take?
                how much does it cost to pay someone in another country?
                is there a fee for sending money abroad?""");
    }

    private JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }

    @Test
    void questionsTheModelWritesBecomeTheArticlesExamplesAndAnswerWhatTheProseAloneDoesNot() throws Exception {
        Path without = dir.resolve("without.json");
        assertThat(eval("--report", without.toString())).isZero();
        assertThat(read(without).get("mistakes")).extracting(m -> m.get("expected").asString())
                .containsExactlyInAnyOrder("monthly_fees", "international_transfers");
        assertThat(read(without).has("generatedQuestions")).isFalse();

        modelWritesForEveryArticle();
        Path with = dir.resolve("with.json");
        Path saved = dir.resolve("generated.jsonl");
        int code = eval("--report", with.toString(), "--generate-questions-url", model.baseUrl() + "/v1",
                "--generate-questions-model", "gpt-test", "--generate-questions-per-article", "3",
                "--save-generated", saved.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = read(with);
        assertThat(report.get("top1Accuracy").asDouble()).isEqualTo(1.0);
        assertThat(report.get("top1Accuracy").asDouble()).isGreaterThan(read(without).get("top1Accuracy").asDouble());
        JsonNode generated = report.get("generatedQuestions");
        assertThat(generated.get("articles").asInt()).isEqualTo(4);
        assertThat(generated.get("questions").asInt()).isEqualTo(12);
        assertThat(generated.get("model").asString()).isEqualTo("gpt-test");
        assertThat(generated.get("inputTokens").asLong()).isEqualTo(4 * 120);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("generated        12 questions for 4 of 4 articles");
        // the application's prompt, once per article without examples of its own
        model.verify(4, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        model.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Branch opening hours")));
        model.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("write 3 different short questions")).withRequestBody(containing("gpt-test"))
                .withRequestBody(containing("unclaimed property office")));
        List<String> lines = Files.readAllLines(saved);
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.get("id").asString()).isEqualTo("inactive_accounts");
        assertThat(first.get("questions")).extracting(JsonNode::asString).containsExactly(
                "where did the money from my old account go?", "the balance of my old account disappeared",
                "how do I get my money back from a closed account?");
    }

    @Test
    void aModelAnsweringWithAnErrorFailsTheRunNamingTheArticle() {
        modelWritesForEveryArticle();
        model.stubFor(post(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing("# Monthly fees"))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"overloaded\"}}")));

        int code = eval("--generate-questions-url", model.baseUrl() + "/v1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("could not write questions for article monthly_fees (\"Monthly fees\")")
                .contains(model.baseUrl()).doesNotContain("calls are paused");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("top-1 accuracy");
    }

    @Test
    void anUnreachableModelFailsTheRun() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        int code = eval("--generate-questions-url", "http://127.0.0.1:" + port + "/v1");

        assertThat(code).isEqualTo(2);
        // the first article is asked alone: its own failure is named, not the circuit breaker parallel calls open
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("eval: the model at http://127.0.0.1:" + port
                + "/v1 could not write questions for article inactive_accounts (\"Inactive accounts\"): network failure");
    }

    @Test
    void rejectsQuestionOptionsThatMakeNoSense() {
        String kb = Fixtures.resource("prose-kb.jsonl").toString();
        assertThat(badArguments("--kb", kb, "--queries", kb, "--generate-questions-url", "localhost:8000"))
                .contains("needs an http(s) address");
        assertThat(badArguments("--kb", kb, "--queries", kb, "--generate-questions-url", "http://127.0.0.1:1/v1",
                "--generate-questions-per-article", "11")).contains("is 1 to 10, got 11");
        assertThat(badArguments("--kb", kb, "--queries", kb, "--generate-questions-per-article", "x"))
                .contains("needs a whole number");
        assertThat(badArguments("--kb", kb, "--queries", kb, "--save-generated", "q.jsonl"))
                .contains("need --generate-questions-url");
    }

    private String badArguments(String... args) {
        var printed = new ByteArrayOutputStream();
        assertThat(EvalCommand.run(List.of(args), System.out, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        return printed.toString(StandardCharsets.UTF_8);
    }
}
