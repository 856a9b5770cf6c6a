package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.realtime.RealtimeEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming publishes the answer's text as {@code token} events and ends in a whole decision or a failure. */
class StreamingAnswerTests {

    private final LlmFixture fixture = new LlmFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void modelStreams(List<String> chunks, int dribbleMillis) {
        var response = aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(chunks, 120, 30));
        if (dribbleMillis > 0) {
            response = response.withChunkedDribbleDelay(10, dribbleMillis);
        }
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.stream", WireMock.equalTo("true"))).willReturn(response));
    }

    private String previewText(GroundedQuestion question) {
        return fixture.published.stream()
                .filter(event -> event.type().equals("token"))
                .peek(event -> assertThat(event.data()).containsEntry("replyTo", question.messageId().toString()))
                .map(event -> (String) event.data().get("delta"))
                .reduce("", String::concat);
    }

    @Test
    void publishesTheAnswerTextAsTokensAndReturnsTheWholeDecision() {
        String answer = "Open Settings > Security, choose \"Reset password\" and follow the link we email you.";
        String json = OpenAiWire.decision(true, List.of("kb-reset"), answer);
        modelStreams(List.of(json.substring(0, 9), json.substring(9, 40), json.substring(40, 70), json.substring(70, 100),
                json.substring(100)), 0);
        var question = fixture.question("How do I reset my password?");

        var decision = fixture.answerer.stream(question);

        assertThat(decision).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.text()).isEqualTo(answer));
        assertThat(previewText(question)).isEqualTo(answer);
        assertThat(fixture.published).extracting(RealtimeEvent::topic)
                .containsOnly(RealtimeEvent.conversationTopic(fixture.conversationId));
        assertThat(fixture.usage.totalsForConversation(fixture.conversationId).inputTokens()).isEqualTo(120);
    }

    @Test
    void publishesNoTextForAQuestionTheArticlesDoNotAnswer() {
        String json = OpenAiWire.decision(false, List.of(), "I don't know that.");
        modelStreams(List.of(json.substring(0, 20), json.substring(20)), 0);

        var decision = fixture.answerer.stream(fixture.question("Can I pay with goats?"));

        assertThat(decision).isInstanceOf(GroundedDecision.Unanswerable.class);
        assertThat(fixture.published).extracting(RealtimeEvent::type).containsOnly("typing");
    }

    @Test
    void tellsTheWidgetTheAssistantIsTypingBeforeTheModelIsAsked() {
        String json = OpenAiWire.decision(true, List.of("kb-reset"), "Use the reset link.");
        modelStreams(List.of(json), 0);
        var question = fixture.question("How do I reset my password?");

        fixture.answerer.stream(question);

        RealtimeEvent first = fixture.published.getFirst();
        assertThat(first.type()).isEqualTo("typing");
        assertThat(first.topic()).isEqualTo(RealtimeEvent.conversationTopic(question.conversationId()));
        assertThat(first.data()).containsEntry("author", "ASSISTANT").containsEntry("typing", true);
        assertThat(fixture.published.subList(1, fixture.published.size())).extracting(RealtimeEvent::type)
                .containsOnly("token");
    }

    @Test
    void aStreamThatStallsMidwayEndsAsAFailureAndWithdrawsThePreview() {
        String answer = "Open Settings > Security, choose Reset password, then follow the link we email you. "
                + "The link is valid for a whole day, so there is no rush at all. ".repeat(6);
        String json = OpenAiWire.decision(true, List.of("kb-reset"), answer);
        List<String> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < json.length(); i += 12) {
            chunks.add(json.substring(i, Math.min(json.length(), i + 12)));
        }
        modelStreams(chunks, 2_500);
        var question = fixture.question("How do I reset my password?");

        var decision = fixture.answerer.stream(question);

        assertThat(decision).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
        assertThat(previewText(question)).isNotEmpty().isNotEqualTo(answer);
        assertThat(fixture.published.getLast().type()).isEqualTo("token-cancel");
        assertThat(LlmOutcomes.toOutcome(decision, null, 0.5).replyText()).isEqualTo(LlmOutcomes.UNAVAILABLE_TEXT);
    }

    @Test
    void aCachedAnswerStreamsAsOneToken() {
        String json = OpenAiWire.decision(true, List.of("kb-reset"), "Use the reset link.");
        modelStreams(List.of(json), 0);
        fixture.answerer.stream(fixture.question("How do I reset my password?"));
        fixture.published.clear();
        var again = fixture.question("How do I reset my password?");

        fixture.answerer.stream(again);

        assertThat(fixture.published).hasSize(1);
        assertThat(previewText(again)).isEqualTo("Use the reset link.");
    }
}
