package dev.parley.action;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Risk;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.action.ActionDefinition.Type;
import dev.parley.assistant.internal.KnowledgeAssistant;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.CustomerMessageResult;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.identity.Actor;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The offline assistant runs the action attached to the article it picks, against a WireMock shop API: a verified
 * customer's order status, an anonymous customer handed over or told to sign in, a missing order number asked and a
 * bad one asked again, a write confirmed with Yes before it runs, and a shop that is down handed over with a note.
 */
@SpringBootTest(properties = "parley.actions.allowed-hosts=localhost")
class ActionConversationTests {

    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());

    static {
        SHOP.start();
        SHOP.stubFor(get(urlPathMatching("/orders/1001")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1001,\"status\":\"shipped\",\"delivery\":{\"eta\":\"2026-12-08\"}}")));
        SHOP.stubFor(get(urlPathMatching("/orders/5003")).willReturn(aResponse().withStatus(503).withBody("down")));
        SHOP.stubFor(post(urlPathMatching("/orders/\\d+/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"state\":\"cancelled\"}")));
    }

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-action-conversations-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:action-conversations-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stopShop() {
        SHOP.stop();
    }

    static final String SIGN_IN = "Please sign in to your Northwind account first, then ask me again here.";

    @Autowired
    Actions actions;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    KnowledgeAssistant assistant;

    @BeforeEach
    void demoKnowledgeTrainedAndActionsAttached() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && assistant.decide("Where is my order?", List.of()).best().isEmpty()) {
            Thread.sleep(200);
        }
        synchronized (ActionConversationTests.class) {
            if (actions.all().isEmpty()) {
                actions.save(Actor.SYSTEM, orderStatus(article("How do I track my order?")));
                actions.save(Actor.SYSTEM, cancelOrder(article("Can I change or cancel my order?")));
            }
        }
    }

    @Test
    void aVerifiedCustomerAskingWhereTheirOrderIsGetsItsStatusInsteadOfTheArticle() {
        UUID id = verifiedConversation();

        CustomerMessageResult result = say(id, "Where is my order #1001?");

        assertThat(result.reply().orElseThrow().text()).isEqualTo("Order #1001 is shipped; expected on 2026-12-08.");
        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        SHOP.verify(getRequestedFor(urlEqualTo("/orders/1001?customer=cust-7")));
    }

    @Test
    void anAnonymousCustomerIsHandedOverWithIdentityRequiredAndTheShopIsNotCalled() {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        int calls = SHOP.getAllServeEvents().size();

        CustomerMessageResult result = say(id, "Where is my order #1001?");

        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(result.conversation().escalationReason()).isEqualTo(EscalationReason.IDENTITY_REQUIRED);
        assertThat(result.reply().orElseThrow().text()).contains("signed in");
        assertThat(notes(id)).anyMatch(note -> note.contains("needs a verified customer"));
        assertThat(SHOP.getAllServeEvents()).hasSize(calls);
    }

    @Test
    void anAnonymousCustomerIsToldHowToSignInWhereTheActionSaysSo() {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();

        CustomerMessageResult result = say(id, "I want to cancel my order 1002");

        assertThat(result.reply().orElseThrow().text()).isEqualTo(SIGN_IN);
        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void aMissingOrderNumberIsAskedAndABadOneAskedAgain() {
        UUID id = verifiedConversation();

        CustomerMessageResult asked = say(id, "Where is my order?");
        assertThat(asked.reply().orElseThrow().text()).isEqualTo("What is your order number?");
        assertThat(asked.conversation().status()).isEqualTo(ConversationStatus.OPEN);

        CustomerMessageResult bad = say(id, "abc");
        assertThat(bad.reply().orElseThrow().text()).isEqualTo("\"abc\" is not a whole number. What is your order number?");
        assertThat(bad.conversation().status()).isEqualTo(ConversationStatus.OPEN);

        CustomerMessageResult answered = say(id, "It's #1001");
        assertThat(answered.reply().orElseThrow().text()).isEqualTo("Order #1001 is shipped; expected on 2026-12-08.");
        assertThat(answered.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
    }

    @Test
    void aNewQuestionInsteadOfTheOrderNumberIsAnsweredAsAnyOther() {
        UUID id = verifiedConversation();
        say(id, "Where is my order?");

        CustomerMessageResult moved = say(id, "How do I return an item?");

        assertThat(moved.reply().orElseThrow().text()).doesNotContain("order number");
        assertThat(moved.reply().orElseThrow().sources()).isNotEmpty();
    }

    @Test
    void aWriteWaitsForYesAndRunsOnce() {
        UUID id = verifiedConversation();
        int before = SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel"))).size();

        CustomerMessageResult question = say(id, "I want to cancel my order 1002");
        assertThat(question.reply().orElseThrow().text()).isEqualTo("Cancel order #1002? Yes / No");
        assertThat(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel")))).hasSize(before);

        CustomerMessageResult unclear = say(id, "hmm");
        assertThat(unclear.reply().orElseThrow().text()).isEqualTo("Please answer Yes or No. Cancel order #1002? Yes / No");

        CustomerMessageResult done = say(id, "Yes");
        assertThat(done.reply().orElseThrow().text()).isEqualTo("Order #1002 is cancelled.");
        assertThat(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel")))).hasSize(before + 1);
    }

    @Test
    void noLeavesTheOrderAlone() {
        UUID id = verifiedConversation();
        int before = SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1003/cancel"))).size();

        say(id, "I want to cancel my order 1003");
        CustomerMessageResult declined = say(id, "no");

        assertThat(declined.reply().orElseThrow().text()).startsWith("Okay, I haven't done anything.");
        assertThat(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1003/cancel")))).hasSize(before);
    }

    @Test
    void aShopThatIsDownHandsOverWithActionFailedAndANoteForTheAgent() {
        UUID id = verifiedConversation();

        CustomerMessageResult result = say(id, "Where is my order #5003?");

        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.ESCALATED);
        assertThat(result.conversation().escalationReason()).isEqualTo(EscalationReason.ACTION_FAILED);
        assertThat(result.reply().orElseThrow().text()).startsWith("Sorry, I couldn't look that up").doesNotContain("503");
        assertThat(notes(id)).anyMatch(note -> note.contains("order_status") && note.contains("HTTP_ERROR")
                && note.contains("503"));
        assertThat(conversations.visibleMessages(id, 0, 50)).noneMatch(m -> m.text().contains("HTTP_ERROR"));
    }

    @Test
    void anArticleRunsAtMostOneActionAndMustExist() {
        ActionDefinition second = Actions.withId(orderStatus(article("How do I track my order?")), null);
        ActionDefinition renamed = new ActionDefinition(null, "order_status_2", second.description(), second.examples(),
                second.inputs(), second.request(), null, second.responseFields(), second.answerTemplate(),
                second.risk(), false, null, true, null, null, null, null, second.article(), null);
        Assertions.assertThatThrownBy(() -> actions.save(Actor.SYSTEM, renamed)).isInstanceOf(ApiException.class)
                .hasMessageContaining("already runs the action 'order_status'");
        ActionDefinition nowhere = new ActionDefinition(null, "order_status_3", null, List.of(), second.inputs(),
                second.request(), null, second.responseFields(), second.answerTemplate(), second.risk(), false, null,
                true, null, null, null, null, "no-such-article", null);
        Assertions.assertThatThrownBy(() -> actions.save(Actor.SYSTEM, nowhere)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not a published article");
    }

    private CustomerMessageResult say(UUID conversationId, String text) {
        return flow.receive(conversationId, new IncomingMessage(text, null));
    }

    private UUID verifiedConversation() {
        return conversations.start(new NewConversation("web", null, null, null, null,
                new VerifiedCustomer("cust-7", "grace@example.com", Instant.now()))).conversation().id();
    }

    private List<String> notes(UUID conversationId) {
        return conversations.transcript(conversationId, 0, 50).stream().filter(Message::internal).map(Message::text)
                .toList();
    }

    private String article(String title) {
        return knowledge.publishedArticles().stream().filter(a -> a.title().equals(title)).findFirst()
                .map(KnowledgeArticle::id).orElseThrow();
    }

    private static ActionDefinition orderStatus(String article) {
        return new ActionDefinition(null, "order_status", "Where an order is", List.of("Where is my order?"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, "\\d{4,8}", List.of(),
                                "What is your order number?", false),
                        new Input("customer", Type.STRING, Source.IDENTITY_ID, true, null, List.of(), null, false)),
                new Request("GET", SHOP.baseUrl() + "/orders/{{order}}?customer={{customer}}", Map.of(), null), null,
                List.of(new ResponseField("status", "$.status", true, false),
                        new ResponseField("eta", "$.delivery.eta", false, false)),
                "Order #{{order}} is {{status}}; expected on {{eta}}.", Risk.READ, false, null, true, 2000, null,
                null, null, article, null);
    }

    private static ActionDefinition cancelOrder(String article) {
        return new ActionDefinition(null, "cancel_order", "Cancels an order", List.of("Cancel my order"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, "\\d{4,8}", List.of(),
                        "Which order number shall I cancel?", false)),
                new Request("POST", SHOP.baseUrl() + "/orders/{{order}}/cancel", Map.of(), "{}"), null,
                List.of(new ResponseField("state", "$.state", true, false)), "Order #{{order}} is {{state}}.",
                Risk.WRITE, true, "Cancel order #{{order}}?", true, 2000, null, null, null, article, SIGN_IN);
    }
}
