package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.SourceRef;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentCopilotTests {

    private final LlmFixture fixture = new LlmFixture();
    private final AgentCopilot withModel = new AgentCopilot(fixture.providers, fixture.redactor,
            new UsageRecorder(fixture.usage), fixture.personas,
            dev.parley.assistant.internal.Fixtures.embeddings());
    private final AgentCopilot offline = new AgentCopilot(new LlmProviders(TestSettings.offline(false), List.of()),
            fixture.redactor, new UsageRecorder(fixture.usage), fixture.personas,
            dev.parley.assistant.internal.Fixtures.embeddings());

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<Message> refundConversation() {
        return List.of(
                fixture.message(AuthorType.CUSTOMER, "Hi, I returned my helmet two weeks ago. Where is my refund?"),
                fixture.message(AuthorType.ASSISTANT, "I've passed your question to our team."),
                fixture.message(AuthorType.CUSTOMER, "The refund still isn't on my card. You can reach me at "
                        + "jane@example.com. Have a nice day."),
                fixture.message(AuthorType.AGENT, "Thanks, I'm checking the refund for your returned helmet now."));
    }

    private void modelAnswers(String text) {
        fixture.modelAnswers(text, 300, 40);
    }

    @Test
    void offlineSuggestsTheArticleThatBestMatchesWhatTheCustomerAsked() {
        var draft = offline.suggestReply(refundConversation(), List.of(LlmFixture.RESET, LlmFixture.REFUND));

        assertThat(draft.text()).startsWith("Hi").contains(LlmFixture.REFUND.body())
                .endsWith("\n\nMore details: [Refunds](https://help.example.com/kb-refund)");
        assertThat(draft.sources()).extracting(SourceRef::articleId).containsExactly("kb-refund");
        assertThat(draft.generated()).isFalse();
    }

    @Test
    void offlineSuggestsThePassageThatAnswersNotTheWholeArticle() {
        var tracking = dev.parley.assistant.internal.DemoArticles.all().stream()
                .filter(a -> a.id().equals("track-your-order")).findFirst().orElseThrow();
        var draft = offline.suggestReply(List.of(fixture.message(AuthorType.CUSTOMER,
                "My order tracking page has not changed for days, what now?")), List.of(LlmFixture.RESET, tracking));

        assertThat(draft.text()).contains("no update for 5 business days").doesNotContain("Find your tracking link")
                .doesNotContain("shipping confirmation");
        assertThat(draft.text().length()).isLessThan(tracking.body().length());
        assertThat(draft.sources()).extracting(SourceRef::articleId).containsExactly("track-your-order");
    }

    @Test
    void offlineSuggestsNothingWhenNoArticleMatches() {
        var draft = offline.suggestReply(List.of(fixture.message(AuthorType.CUSTOMER, "Bonjour")),
                List.of(LlmFixture.RESET));

        assertThat(draft.text()).isEmpty();
        assertThat(draft.sources()).isEmpty();
    }

    @Test
    void offlineSummaryIsTheFirstQuestionAndTheKeySentences() {
        var summary = offline.summarize(refundConversation());

        assertThat(summary.text()).startsWith(
                "Customer asked: Hi, I returned my helmet two weeks ago. Where is my refund?");
        assertThat(summary.text()).contains("Agent: Thanks, I'm checking the refund for your returned helmet now.")
                .contains("Customer: The refund still isn't on my card.")
                .doesNotContain("Have a nice day");
        assertThat(summary.generated()).isFalse();
    }

    @Test
    void aModelDraftsTheReplyFromRedactedTextAndTheCustomerSeesTheirOwnData() {
        modelAnswers("Hi! Refunds reach your card within 5 business days; we'll confirm to [EMAIL_1].");

        var draft = withModel.suggestReply(refundConversation(), List.of(LlmFixture.REFUND));

        assertThat(draft.generated()).isTrue();
        assertThat(draft.text()).isEqualTo("Hi! Refunds reach your card within 5 business days; we'll confirm to "
                + "jane@example.com.");
        String sent = fixture.lastRequestBody();
        assertThat(sent).doesNotContain("jane@example.com").contains("[EMAIL_1]", "kb-refund");
        assertThat(fixture.usage.totalsForConversation(fixture.conversationId).inputTokens()).isEqualTo(300);
    }

    @Test
    void aModelSummarisesTheConversation() {
        modelAnswers("Customer wants the refund for a returned helmet; agent is checking.");

        var summary = withModel.summarize(refundConversation());

        assertThat(summary).isEqualTo(new CopilotDraft(
                "Customer wants the refund for a returned helmet; agent is checking.", List.of(), true));
    }

    @Test
    void aFailingModelFallsBackToTheOfflineCopilot() {
        fixture.server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(500).withBody("down")));

        var draft = withModel.suggestReply(refundConversation(), List.of(LlmFixture.RESET, LlmFixture.REFUND));
        var summary = withModel.summarize(refundConversation());

        assertThat(draft).isEqualTo(offline.suggestReply(refundConversation(),
                List.of(LlmFixture.RESET, LlmFixture.REFUND)));
        assertThat(summary.generated()).isFalse();
    }
}
