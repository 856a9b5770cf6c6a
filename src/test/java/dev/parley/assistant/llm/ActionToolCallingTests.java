package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Risk;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.action.ActionDefinition.Type;
import dev.parley.action.Actions;
import dev.parley.assistant.llm.GroundedDecision.Acted;
import dev.parley.assistant.llm.GroundedDecision.Answered;
import dev.parley.assistant.llm.GroundedDecision.Failed;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceRef;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.identity.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Actions offered to the model as tools, against a local server speaking OpenAI's chat-completions wire format
 * (tool_calls in the response, the tool result in the follow-up) and a WireMock shop API: the model picks the tool
 * and the customer's values, Parley fills the verified customer, checks identity, asks before a write, caps the steps
 * per turn, and the answer cites the tool result like an article.
 */
@SpringBootTest(properties = {"parley.actions.allowed-hosts=localhost", "parley.demo.enabled=false"})
class ActionToolCallingTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());
    static final String TRACKING = "TRK-PRIVATE-4242";

    static {
        MODEL.start();
        SHOP.start();
        SHOP.stubFor(get(urlPathMatching("/orders/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"shipped\",\"eta\":\"2026-12-08\",\"tracking\":\"" + TRACKING + "\"}")));
        SHOP.stubFor(post(urlPathMatching("/orders/\\d+/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"state\":\"cancelled\"}")));
    }

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        LocalModel.register(registry, MODEL);
        registry.add("parley.assistant.cache.enabled", () -> "false");
        registry.add("parley.data-dir", () -> "target/test-action-tools-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:action-tools-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stop() {
        MODEL.stop();
        SHOP.stop();
    }

    @Autowired
    Actions actions;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    GroundedAnswerer answerer;

    @BeforeEach
    void actionsDefined() {
        MODEL.resetAll();
        synchronized (ActionToolCallingTests.class) {
            if (actions.all().isEmpty()) {
                actions.save(Actor.SYSTEM, orderStatus());
                actions.save(Actor.SYSTEM, cancelOrder());
            }
        }
    }

    @Test
    void theModelRunsAnActionForTheVerifiedCustomerAndCitesItsResult() {
        UUID id = verifiedConversation();
        modelCalls(List.<String[]>of(new String[] {"call_1", "order_status",
                "{\"order\":\"1001\",\"customer\":\"someone-else\"}"}));
        modelThenAnswers(OpenAiWire.decision(true, List.of("action:order_status"),
                "Your order 1001 has shipped and should arrive on 2026-12-08."));

        GroundedDecision decision = answerer.answer(question(id, "Where is my order 1001?"));

        assertThat(decision).isEqualTo(new Answered("Your order 1001 has shipped and should arrive on 2026-12-08.",
                1.0, List.of(new SourceRef("action:order_status", "Where an order is", null)), false));
        // the customer is the verified one, whatever the model passed
        SHOP.verify(getRequestedFor(urlEqualTo("/orders/1001?customer=cust-7")));
        String offered = MODEL.getAllServeEvents().getLast().getRequest().getBodyAsString();
        JsonNode tool = tool(offered, "order_status");
        assertThat(tool.path("function").path("description").asString()).startsWith("Where an order is");
        assertThat(tool.path("function").path("parameters").path("properties").has("order")).isTrue();
        assertThat(tool.path("function").path("parameters").path("properties").has("customer")).isFalse();
        assertThat(OpenAiWire.systemPrompt(offered)).contains("cite its \"source\"");

        String followUp = MODEL.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        JsonNode call = OpenAiWire.messagesWithRole(followUp, "assistant").getLast();
        assertThat(call.path("tool_calls").get(0).path("id").asString()).isEqualTo("call_1");
        JsonNode result = OpenAiWire.messagesWithRole(followUp, "tool").getFirst();
        assertThat(result.path("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(result.path("content").asString()).contains("\"status\":\"shipped\"")
                .contains("\"source\":\"action:order_status\"");
        assertThat(followUp).as("a redacted response field never reaches the model").doesNotContain(TRACKING);
    }

    @Test
    void anAnonymousCustomerIsHandedOverWithIdentityRequiredAndTheShopIsNotCalled() {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        int shopCalls = SHOP.getAllServeEvents().size();
        modelCalls(List.<String[]>of(new String[] {"call_1", "order_status", "{\"order\":\"1001\"}"}));

        GroundedDecision decision = answerer.answer(question(id, "Where is my order 1001?"));

        assertThat(decision).isInstanceOf(Acted.class);
        var outcome = LlmOutcomes.toOutcome(decision, null, 0.7);
        assertThat(outcome.escalationReason()).isEqualTo(EscalationReason.IDENTITY_REQUIRED);
        assertThat(outcome.replyText()).contains("signed in");
        assertThat(SHOP.getAllServeEvents()).hasSize(shopCalls);
        assertThat(MODEL.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aWriteTheModelAsksForWaitsForTheCustomersYesEvenWhenItsDefinitionDoesNotAsk() {
        UUID id = verifiedConversation();
        modelCalls(List.<String[]>of(new String[] {"call_1", "cancel_order", "{\"order\":1002}"}));

        GroundedDecision decision = answerer.answer(question(id, "Please cancel order 1002"));

        var outcome = LlmOutcomes.toOutcome(decision, null, 0.7);
        assertThat(outcome.replyText()).isEqualTo("Shall I go ahead: cancel_order? Yes / No");
        assertThat(outcome.escalates()).isFalse();
        assertThat(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel")))).isEmpty();

        var done = flow.receive(id, new IncomingMessage("Yes", null));

        assertThat(done.reply().orElseThrow().text()).isEqualTo("Order #1002 is cancelled.");
        assertThat(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel")))).hasSize(1);
    }

    @Test
    void aModelThatKeepsCallingToolsIsStoppedAfterTheMaximumSteps() {
        UUID id = verifiedConversation();
        int before = SHOP.findAll(getRequestedFor(urlPathEqualTo("/orders/1005"))).size();
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(json(OpenAiWire.toolCalls(
                List.<String[]>of(new String[] {"call_x", "order_status", "{\"order\":\"1005\"}"})))));

        GroundedDecision decision = answerer.answer(question(id, "Where is my order 1005?"));

        assertThat(decision).isInstanceOf(Failed.class);
        assertThat(((Failed) decision).why()).contains("more than 3 tool calls");
        assertThat(MODEL.getAllServeEvents()).hasSize(4);
        assertThat(SHOP.findAll(getRequestedFor(urlPathEqualTo("/orders/1005")))).hasSize(before + 3);
    }

    @Test
    void anUnknownToolIsToldSoAndTheModelAnswersWithoutIt() {
        UUID id = verifiedConversation();
        modelCalls(List.<String[]>of(new String[] {"call_1", "delete_everything", "{}"}));
        modelThenAnswers(OpenAiWire.decision(false, List.of(), ""));

        GroundedDecision decision = answerer.answer(question(id, "Delete everything"));

        assertThat(LlmOutcomes.toOutcome(decision, null, 0.7).escalationReason())
                .isEqualTo(EscalationReason.NO_KNOWLEDGE);
        String followUp = MODEL.getAllServeEvents().getFirst().getRequest().getBodyAsString();
        assertThat(OpenAiWire.messagesWithRole(followUp, "tool").getFirst().path("content").asString())
                .contains("there is no tool named delete_everything");
    }

    private static JsonNode tool(String body, String name) {
        for (JsonNode tool : OpenAiWire.read(body).path("tools")) {
            if (name.equals(tool.path("function").path("name").asString())) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name + " offered in " + body);
    }

    private GroundedQuestion question(UUID conversationId, String text) {
        return new GroundedQuestion(conversationId, UUID.randomUUID(), text, List.of(), List.of(), 0.3, 1);
    }

    private static void modelCalls(List<String[]> calls) {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(5)
                .willReturn(json(OpenAiWire.toolCalls(calls))));
    }

    /** Once a tool result is in the conversation, the model answers with {@code decision}. */
    private static void modelThenAnswers(String decision) {
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("tool_call_id"))
                .willReturn(json(OpenAiWire.completion(decision, 80, 20))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private UUID verifiedConversation() {
        return conversations.start(new NewConversation("web", null, null, null, null,
                new VerifiedCustomer("cust-7", "grace@example.com", Instant.now()))).conversation().id();
    }

    static ActionDefinition orderStatus() {
        return new ActionDefinition(null, "order_status", "Where an order is", List.of("Where is my order?"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, "\\d{4,8}", List.of(),
                                "What is your order number?", false),
                        new Input("customer", Type.STRING, Source.IDENTITY_ID, true, null, List.of(), null, false)),
                new Request("GET", SHOP.baseUrl() + "/orders/{{order}}?customer={{customer}}", Map.of(), null), null,
                List.of(new ResponseField("status", "$.status", true, false),
                        new ResponseField("eta", "$.eta", false, false),
                        new ResponseField("tracking", "$.tracking", false, true)),
                "Order #{{order}} is {{status}}; expected on {{eta}} (tracking {{tracking}}).", Risk.READ, false,
                null, true, 2000, null, null, null, null, null);
    }

    static ActionDefinition cancelOrder() {
        return new ActionDefinition(null, "cancel_order", "Cancels an order", List.of("Cancel my order"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, "\\d{4,8}", List.of(),
                        "Which order number shall I cancel?", false)),
                new Request("POST", SHOP.baseUrl() + "/orders/{{order}}/cancel", Map.of(), "{}"), null,
                List.of(new ResponseField("state", "$.state", true, false)), "Order #{{order}} is {{state}}.",
                Risk.WRITE, false, null, true, 2000, null, null, null, null, null);
    }
}
