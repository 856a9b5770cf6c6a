package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.conversation.AssistantOutcome;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.SourceRef;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the provider fails or its circuit is open: the offline answer if confident enough, else a person. */
class LlmFallbackTests {

    private static final AssistantOutcome CONFIDENT_OFFLINE = AssistantOutcome.answer(
            "Open Settings > Security and choose Reset password.", 0.91,
            List.of(new SourceRef("kb-reset", "Reset your password", "https://help.example.com/kb-reset")));
    private static final AssistantOutcome UNSURE_OFFLINE = AssistantOutcome.answer("Maybe this helps.", 0.31, List.of());
    private static final double THRESHOLD = 0.7;

    private final LlmFixture fixture = new LlmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void providerFailsWith(int status) {
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(status).withBody("{\"error\":{\"message\":\"down\"}}")));
    }

    @Test
    void aFailingProviderFallsBackToAConfidentOfflineAnswer() {
        providerFailsWith(503);

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.SERVER_ERROR));
        assertThat(LlmOutcomes.toOutcome(decision, CONFIDENT_OFFLINE, THRESHOLD)).isEqualTo(CONFIDENT_OFFLINE);
        fixture.server.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aFailingProviderEscalatesHonestlyWhenTheOfflineAnswerIsUnsure() {
        providerFailsWith(500);

        var outcome = LlmOutcomes.toOutcome(fixture.answerer.answer(fixture.question("How do I reset my password?")),
                UNSURE_OFFLINE, THRESHOLD);

        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.ASSISTANT_ERROR);
        assertThat(outcome.replyText()).isEqualTo(LlmOutcomes.UNAVAILABLE_TEXT);
    }

    @Test
    void aRateLimitLongerThanWeWaitFailsAtOnce() {
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120").withBody("{\"error\":{\"message\":\"slow down\"}}")));

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED));
        fixture.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void anOpenCircuitSkipsTheProviderAndFallsBack() {
        providerFailsWith(502);
        fixture.answerer.answer(fixture.question("first question about passwords"));
        fixture.answerer.answer(fixture.question("second question about refunds"));
        int callsWhileClosed = fixture.server.getAllServeEvents().size();

        var decision = fixture.answerer.answer(fixture.question("third question about orders"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN));
        assertThat(fixture.server.getAllServeEvents()).hasSize(callsWhileClosed);
        assertThat(LlmOutcomes.toOutcome(decision, CONFIDENT_OFFLINE, THRESHOLD)).isEqualTo(CONFIDENT_OFFLINE);
        assertThat(LlmOutcomes.toOutcome(decision, null, THRESHOLD).escalationReason())
                .isEqualTo(EscalationReason.ASSISTANT_ERROR);
    }

    @Test
    void aTimeoutFallsBackLikeAnyOtherFailure() {
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiWire.completion(OpenAiWire.decision(true, List.of("kb-reset"), "late"), 1, 1))
                .withFixedDelay(4_000)));

        var decision = fixture.answerer.answer(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
        assertThat(LlmOutcomes.toOutcome(decision, CONFIDENT_OFFLINE, THRESHOLD)).isEqualTo(CONFIDENT_OFFLINE);
    }

    @Test
    void aTimedOutStreamIsNotRetriedSoTheCustomerWaitsOneTimeoutAtMost() {
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("data: [DONE]\n\n").withFixedDelay(4_000)));

        var decision = fixture.answerer.stream(fixture.question("How do I reset my password?"));

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
        fixture.server.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        assertThat(LlmOutcomes.toOutcome(decision, UNSURE_OFFLINE, THRESHOLD).replyText())
                .isEqualTo(LlmOutcomes.UNAVAILABLE_TEXT);
    }

    @Test
    void aConfidentGenerativeAnswerIsSentAndAnUnsureOneEscalates() {
        var sources = List.of(new SourceRef("kb-reset", "Reset", null));

        assertThat(LlmOutcomes.toOutcome(new GroundedDecision.Answered("Yes.", 0.8, sources, false), null, THRESHOLD)
                .escalates()).isFalse();
        assertThat(LlmOutcomes.toOutcome(new GroundedDecision.Answered("Yes.", 0.6, sources, false), null, THRESHOLD)
                .escalationReason()).isEqualTo(EscalationReason.LOW_CONFIDENCE);
    }
}
