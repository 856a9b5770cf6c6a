package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.CustomerMessageResult;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceRef;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole flow with a generative provider: a customer message, the offline scorer's retrieval and
 * confidence, the model (a local server speaking OpenAI's streaming wire format) writing the answer from
 * the top articles, tokens streamed to the widget's topic, and usage recorded.
 */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class GenerativeFlowTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());

    static {
        MODEL.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        LocalModel.register(registry, MODEL);
        registry.add("parley.assistant.cache.enabled", () -> "false");
        // The demo articles, whatever else the shared test database already holds.
        registry.add("parley.knowledge.import-on-start", () -> "markdown:src/main/resources/demo/knowledge");
        registry.add("parley.data-dir", () -> Path.of("target", "test-data", "generative-" + UUID.randomUUID()).toString());
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
    }

    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    KnowledgeAssistant assistant;
    @Autowired
    RealtimeBus bus;
    @Autowired
    LlmUsage usage;

    KnowledgeArticle returns;

    @BeforeEach
    void demoKnowledgeIsIndexedAndTheScorerTrained() throws InterruptedException {
        MODEL.resetAll();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && (knowledge.search("return an item", 1).isEmpty()
                        || assistant.decide("How do I return an item?", List.of()).best().isEmpty())) {
            Thread.sleep(200);
        }
        returns = knowledge.publishedArticles().stream().filter(a -> a.title().equals("How do I return an item?"))
                .findFirst().orElseThrow();
    }

    @Test
    void theModelWritesTheAnswerFromTheTopArticlesAndStreamsIt() throws Exception {
        String answer = "Sure! Go to Account → Orders, choose the order and pick Return items.";
        String json = OpenAiWire.decision(true, List.of(returns.id()), answer);
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(OpenAiWire.stream(List.of(json.substring(0, 20), json.substring(20, 60), json.substring(60)),
                        400, 40))));
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> widget = new CopyOnWriteArrayList<>();
        CustomerMessageResult result;
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.conversationTopic(id), widget::add)) {
            result = flow.receive(id, new IncomingMessage("How do I return an item?", null));
        }

        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        assertThat(result.reply().orElseThrow().text()).isEqualTo(answer);
        assertThat(result.reply().orElseThrow().sources()).extracting(SourceRef::articleId).containsExactly(returns.id());
        assertThat(widget).anyMatch(e -> e.type().equals("token"));
        String prompt = MODEL.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(OpenAiWire.userMessages(prompt).getFirst()).contains("How do I return an item?")
                .contains(returns.title());
        assertThat(usage.totalsForConversation(id).inputTokens()).isEqualTo(400);

        var agent = dev.parley.identity.TestAgents.principal(
                dev.parley.identity.TestAgents.create(agents, dev.parley.identity.Role.AGENT));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/inbox/conversations/" + id)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(agent)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("AI usage: 400 tokens in, 40 out")));
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    dev.parley.identity.Agents agents;

    @Test
    void whenTheModelFailsAConfidentOfflineAnswerIsSentInstead() {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();

        CustomerMessageResult result = flow.receive(id, new IncomingMessage("How do I return an item?", null));

        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        assertThat(result.reply().orElseThrow().sources()).extracting(SourceRef::articleId).containsExactly(returns.id());
    }

    @Test
    void aRequestForAPersonIsNeverSentToTheModel() {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();

        CustomerMessageResult result = flow.receive(id, new IncomingMessage("I want to talk to a human please", null));

        assertThat(result.conversation().escalationReason()).isEqualTo(EscalationReason.HUMAN_REQUESTED);
        assertThat(MODEL.getAllServeEvents()).isEmpty();
    }
}
