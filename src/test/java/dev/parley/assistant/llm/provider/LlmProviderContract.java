package dev.parley.assistant.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.parley.assistant.llm.LlmException;
import dev.parley.assistant.llm.LlmProvider;
import dev.parley.assistant.llm.LlmProviderFactory;
import dev.parley.assistant.llm.LlmProviders;
import dev.parley.assistant.llm.LlmRequest;
import dev.parley.assistant.llm.LlmResponse;
import dev.parley.assistant.llm.LlmSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every LLM provider passes, against a local WireMock speaking that provider's real wire
 * format: completion with usage, streaming, 429 with Retry-After, 5xx, timeouts, malformed bodies and the
 * circuit breaker. Subclasses say what the wire looks like.
 */
abstract class LlmProviderContract {

    protected final WireMockServer server = new WireMockServer(options().dynamicPort());
    protected LlmProvider provider;

    protected abstract LlmProviderFactory factory();

    /** Settings pointing this provider at {@code baseUrl} (WireMock), with the given resilience. */
    protected abstract LlmSettings settings(String baseUrl, LlmSettings.Resilience resilience);

    protected abstract String chatPath();

    protected abstract String completion(String text, int inputTokens, int outputTokens);

    protected abstract String streamBody(List<String> deltas, int inputTokens, int outputTokens);

    protected abstract String streamContentType();

    /** A completion in which the model calls tool {@code name} (call id {@code id}) with {@code arguments}. */
    protected abstract String toolCallCompletion(String id, String name, String arguments);

    /** The system prompt as it appears in a request body on the wire. */
    protected String systemPromptIn(String requestBody) {
        return String.join("\n", WireJson.contentsWithRole(requestBody, "system"));
    }

    /** The texts of the user messages in a request body on the wire. */
    protected List<String> userTextsIn(String requestBody) {
        return WireJson.contentsWithRole(requestBody, "user");
    }

    static LlmSettings.Resilience fastResilience() {
        return new LlmSettings.Resilience(java.time.Duration.ofMillis(1500), 3, java.time.Duration.ofMillis(20),
                java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5), 50, 4, 4,
                java.time.Duration.ofMinutes(1));
    }

    @BeforeEach
    void startServer() {
        server.start();
        provider = new LlmProviders(settings(server.baseUrl(), fastResilience()), List.of(factory())).active()
                .orElseThrow();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private MappingBuilder chatCall(boolean streaming) {
        var mapping = post(urlPathEqualTo(chatPath()));
        return streaming ? mapping.withRequestBody(matchingJsonPath("$.stream", com.github.tomakehurst.wiremock
                .client.WireMock.equalTo("true"))).atPriority(1) : mapping.atPriority(5);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static LlmRequest question() {
        return LlmRequest.of("You are a support assistant.", "How do I reset my password?");
    }

    @Test
    void completesAChatWithTokenUsage() {
        server.stubFor(chatCall(false).willReturn(json(completion("Use the reset link.", 42, 7))));

        LlmResponse response = provider.complete(question());

        assertThat(response.text()).isEqualTo("Use the reset link.");
        assertThat(response.usage()).isEqualTo(new LlmResponse.TokenUsage(42, 7));
        assertThat(response.provider()).isEqualTo(factory().id());
        String sent = server.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(systemPromptIn(sent)).isEqualTo("You are a support assistant.");
        assertThat(userTextsIn(sent)).containsExactly("How do I reset my password?");
    }

    @Test
    void offersToolsAndSendsAToolResultBackOnTheFollowUp() {
        server.stubFor(chatCall(false).willReturn(json(toolCallCompletion("call_7", "order_status",
                "{\"order\":\"1001\"}"))));
        var tool = new dev.parley.assistant.llm.LlmTool("order_status", "Where an order is", List.of(
                new dev.parley.assistant.llm.LlmTool.Parameter("order", dev.parley.assistant.llm.LlmTool.Type.STRING,
                        "the order number", List.of(), true),
                new dev.parley.assistant.llm.LlmTool.Parameter("speed", dev.parley.assistant.llm.LlmTool.Type.STRING,
                        "how fast", List.of("standard", "express"), false)));
        LlmRequest request = new LlmRequest("You are a support assistant.",
                List.of(LlmRequest.Turn.user("Where is order 1001?")), List.of(tool));

        LlmResponse response = provider.complete(request);

        assertThat(response.toolCalls()).hasSize(1);
        LlmRequest.ToolCall call = response.toolCalls().getFirst();
        assertThat(call.name()).isEqualTo("order_status");
        assertThat(WireJson.field(call.arguments(), "order")).isEqualTo("1001");
        String offered = server.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(offered).contains("Where an order is");
        assertThat(offered.replaceAll("\\s", "")).contains("\"order_status\"").contains("\"express\"")
                .contains("\"required\":[\"order\"]");

        server.resetRequests();
        server.stubFor(chatCall(false).willReturn(json(completion("It shipped.", 3, 2))));
        LlmResponse answer = provider.complete(new LlmRequest(request.system(), List.of(request.turns().getFirst(),
                LlmRequest.Turn.toolCalls("", List.of(call)),
                LlmRequest.Turn.toolResult(call, "{\"status\":\"shipped-XYZ\"}")), List.of(tool)));

        assertThat(answer.text()).isEqualTo("It shipped.");
        String followUp = server.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(followUp).contains("shipped-XYZ").contains("order_status");
        if (!call.id().equals(call.name())) {
            assertThat(followUp).contains(call.id());
        }
    }

    @Test
    void streamsDeltasAndReturnsTheWholeText() {
        server.stubFor(chatCall(true).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(streamBody(List.of("Use ", "the reset ", "link."), 30, 5))));
        List<String> deltas = new ArrayList<>();

        LlmResponse response = provider.stream(question(), deltas::add);

        assertThat(deltas).containsExactly("Use ", "the reset ", "link.");
        assertThat(response.text()).isEqualTo("Use the reset link.");
        assertThat(response.usage()).isEqualTo(new LlmResponse.TokenUsage(30, 5));
    }

    @Test
    void retriesARateLimitAfterTheWaitTheProviderAskedFor() {
        server.stubFor(chatCall(false).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"rate limited\"}"))
                .willSetStateTo("calm"));
        server.stubFor(chatCall(false).inScenario("rate").whenScenarioStateIs("calm")
                .willReturn(json(completion("Done.", 1, 1))));

        long started = System.nanoTime();
        LlmResponse response = provider.complete(question());
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.text()).isEqualTo("Done.");
        assertThat(waitedMillis).as("honours Retry-After: 1 over the 20 ms backoff").isGreaterThanOrEqualTo(950);
        server.verify(2, postRequestedFor(urlPathEqualTo(chatPath())));
    }

    @Test
    void retriesServerErrorsWithBackoffUntilOneSucceeds() {
        server.stubFor(chatCall(false).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("overloaded")).willSetStateTo("second"));
        server.stubFor(chatCall(false).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500).withBody("oops")).willSetStateTo("healthy"));
        server.stubFor(chatCall(false).inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(json(completion("Recovered.", 3, 2))));

        assertThat(provider.complete(question()).text()).isEqualTo("Recovered.");
        server.verify(3, postRequestedFor(urlPathEqualTo(chatPath())));
    }

    @Test
    void failsAfterTheLastAttemptWhenTheServerKeepsFailing() {
        server.stubFor(chatCall(false).willReturn(aResponse().withStatus(502).withBody("bad gateway")));

        var failure = catchThrowableOfType(LlmException.class, () -> provider.complete(question()));

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.SERVER_ERROR);
        server.verify(3, postRequestedFor(urlPathEqualTo(chatPath())));
    }

    @Test
    void doesNotRetryARequestTheProviderRejects() {
        server.stubFor(chatCall(false).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad\"}")));

        var failure = catchThrowableOfType(LlmException.class, () -> provider.complete(question()));

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.REJECTED);
        server.verify(1, postRequestedFor(urlPathEqualTo(chatPath())));
    }

    @Test
    void timesOutASlowProvider() {
        server.stubFor(chatCall(false).willReturn(json(completion("Too late.", 1, 1)).withFixedDelay(3_000)));

        var failure = catchThrowableOfType(LlmException.class, () -> provider.complete(question()));

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
    }

    @Test
    void treatsAMalformedBodyAsAFailureNotAnAnswer() {
        server.stubFor(chatCall(false).willReturn(json("{\"this is\": not json")));

        var failure = catchThrowableOfType(LlmException.class, () -> provider.complete(question()));

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.INVALID_RESPONSE);
        server.verify(1, postRequestedFor(urlPathEqualTo(chatPath())));
    }

    @Test
    void treatsABrokenStreamAsAFailure() {
        server.stubFor(chatCall(true).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> provider.stream(question(), delta -> { })).isInstanceOf(LlmException.class);
    }

    @Test
    void givesUpOnAStreamThatStalls() {
        server.stubFor(chatCall(true).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(streamBody(List.of("Use ", "the reset ", "link."), 30, 5))
                .withChunkedDribbleDelay(4, 8_000)));

        long started = System.nanoTime();
        var failure = catchThrowableOfType(LlmException.class, () -> provider.stream(question(), delta -> { }));

        assertThat(failure.kind()).isIn(LlmException.Kind.TIMEOUT, LlmException.Kind.NETWORK);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6_000);
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndStopsCalling() {
        server.stubFor(chatCall(false).willReturn(aResponse().withStatus(500).withBody("down")));
        catchThrowableOfType(LlmException.class, () -> provider.complete(question()));
        catchThrowableOfType(LlmException.class, () -> provider.complete(question()));
        int callsBeforeOpen = server.getAllServeEvents().size();

        var failure = catchThrowableOfType(LlmException.class, () -> provider.complete(question()));

        assertThat(failure.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN);
        assertThat(server.getAllServeEvents()).hasSize(callsBeforeOpen);
    }
}
