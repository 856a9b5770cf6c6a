package dev.parley.assistant.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.parley.action.ActionConnections;
import dev.parley.action.ActionConnections.Kind;
import dev.parley.action.ActionDefinition;
import dev.parley.action.ActionDefinition.Input;
import dev.parley.action.ActionDefinition.Request;
import dev.parley.action.ActionDefinition.ResponseField;
import dev.parley.action.ActionDefinition.Risk;
import dev.parley.action.ActionDefinition.Source;
import dev.parley.action.ActionDefinition.Type;
import dev.parley.action.Actions;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.CustomerMessageFlow;
import dev.parley.conversation.CustomerMessageResult;
import dev.parley.conversation.IncomingMessage;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceRef;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.identity.Actor;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A recording provider (WireMock's request journal of a server speaking OpenAI's streaming wire format) and a shop
 * API called with three kinds of credentials: the model calls all three actions in one turn, and no connection
 * secret (API key, bearer token, basic password or its encoding), no redacted response field and no widget identity
 * secret appears in any request sent to the model, in the log output, in the conversation's transcript or in the
 * analytics export, while the shop did receive the credentials and the customer got the answer.
 */
@SpringBootTest(properties = {"parley.actions.allowed-hosts=localhost", "parley.demo.enabled=false"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverReachTheModelTests {

    static final WireMockServer MODEL = new WireMockServer(options().dynamicPort());
    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());
    static final String BEARER = "bearer-S3CRET-" + UUID.randomUUID();
    static final String PASSWORD = "basic-S3CRET-" + UUID.randomUUID();
    static final String API_KEY = "apikey-S3CRET-" + UUID.randomUUID();
    static final String TRACKING = "TRK-PRIVATE-" + UUID.randomUUID();
    static final String PHONE = "+44 7700 " + (100000 + new java.util.Random().nextInt(899999));

    static {
        MODEL.start();
        SHOP.start();
        SHOP.stubFor(get(urlPathMatching("/orders/\\d+")).willReturn(okJson(
                "{\"status\":\"shipped\",\"tracking\":\"" + TRACKING + "\"}")));
        SHOP.stubFor(get(urlPathEqualTo("/loyalty")).willReturn(okJson("{\"points\":420}")));
        SHOP.stubFor(get(urlPathMatching("/crm/.+")).willReturn(okJson(
                "{\"tier\":\"gold\",\"phone\":\"" + PHONE + "\"}")));
    }

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        LocalModel.register(registry, MODEL);
        registry.add("parley.assistant.cache.enabled", () -> "false");
        registry.add("parley.data-dir", () -> "target/test-secrets-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:secrets-" + UUID.randomUUID()
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
    ActionConnections connections;
    @Autowired
    Conversations conversations;
    @Autowired
    CustomerMessageFlow flow;
    @Autowired
    MockMvc mvc;
    @Autowired
    Agents agents;

    @Test
    void noCredentialRedactedFieldOrIdentitySecretReachesTheModelTheLogsTheTranscriptOrTheExport(
            CapturedOutput output) throws Exception {
        AgentPrincipal admin = TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
        String widgetSecret = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/widget-identity/rotate").with(user(admin)).with(csrf()))
                        .andReturn().getResponse().getContentAsString()).path("secret").asString();
        assertThat(widgetSecret).hasSizeGreaterThan(16);
        defineActions();
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(5).willReturn(sse(
                OpenAiWire.streamedToolCalls(List.of(
                        new String[] {"call_1", "order_status", "{\"order\":\"1001\"}"},
                        new String[] {"call_2", "loyalty_points", "{}"},
                        new String[] {"call_3", "crm_profile", "{}"})))));
        String answer = "Order 1001 has shipped, you have 420 points and you are a gold member.";
        String decision = OpenAiWire.decision(true, List.of("action:order_status", "action:loyalty_points",
                "action:crm_profile"), answer);
        MODEL.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("tool_call_id"))
                .willReturn(sse(OpenAiWire.stream(List.of(decision.substring(0, 30), decision.substring(30)), 90,
                        30))));
        UUID id = conversations.start(new NewConversation("web", null, null, null, null,
                new VerifiedCustomer("cust-7", "grace@example.com", Instant.now()))).conversation().id();

        CustomerMessageResult result = flow.receive(id, new IncomingMessage(
                "Where is my order 1001, how many points do I have and what is my tier?", null));

        assertThat(result.reply().orElseThrow().text()).isEqualTo(answer);
        assertThat(result.conversation().status()).isEqualTo(ConversationStatus.AI_RESOLVED);
        assertThat(result.reply().orElseThrow().sources()).extracting(SourceRef::articleId)
                .containsExactly("action:order_status", "action:loyalty_points", "action:crm_profile");
        // the secrets were in play: the shop got every credential, and sent the redacted values back
        SHOP.verify(getRequestedFor(urlPathMatching("/orders/1001")).withHeader("Authorization",
                equalTo("Bearer " + BEARER)));
        SHOP.verify(getRequestedFor(urlPathEqualTo("/loyalty")).withHeader("Authorization",
                equalTo("Basic " + basic())));
        SHOP.verify(getRequestedFor(urlPathMatching("/crm/cust-7")).withHeader("X-Api-Key", equalTo(API_KEY)));

        List<String> secrets = List.of(BEARER, PASSWORD, basic(), API_KEY, TRACKING, PHONE, widgetSecret);
        List<String> sentToModel = MODEL.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(request -> request.getBodyAsString() + request.getHeaders()).toList();
        assertThat(sentToModel).hasSize(2);
        assertThat(sentToModel.getFirst()).contains("420").contains("gold");
        for (String secret : secrets) {
            assertThat(sentToModel).allSatisfy(body -> assertThat(body).doesNotContain(secret));
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(conversations.transcript(id, 0, 100)).extracting(Message::text)
                    .allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }
        String csv = mvc.perform(MockMvcRequestBuilders.get("/api/v1/analytics/conversations.csv").with(user(admin)))
                .andReturn().getResponse().getContentAsString();
        secrets.forEach(secret -> assertThat(csv).doesNotContain(secret));
    }

    private void defineActions() {
        connections.create(Actor.SYSTEM, "shop", Kind.BEARER, null, null, BEARER);
        connections.create(Actor.SYSTEM, "loyalty", Kind.BASIC, null, "parley-bot", PASSWORD);
        connections.create(Actor.SYSTEM, "crm", Kind.API_KEY, "X-Api-Key", null, API_KEY);
        Input customer = new Input("customer", Type.STRING, Source.IDENTITY_ID, true, null, List.of(), null, false);
        actions.save(Actor.SYSTEM, action("order_status", "Where an order is",
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, null, List.of(), null, false)),
                "/orders/{{order}}", "shop", List.of(new ResponseField("status", "$.status", true, false),
                        new ResponseField("tracking", "$.tracking", false, true)),
                "Order {{order}} is {{status}} (tracking {{tracking}})."));
        actions.save(Actor.SYSTEM, action("loyalty_points", "The customer's loyalty points",
                List.of(new Input("email", Type.STRING, Source.IDENTITY_EMAIL, true, null, List.of(), null, true)),
                "/loyalty?email={{email}}", "loyalty", List.of(new ResponseField("points", "$.points", true, false)),
                "You have {{points}} points."));
        actions.save(Actor.SYSTEM, action("crm_profile", "The customer's membership tier", List.of(customer),
                "/crm/{{customer}}", "crm", List.of(new ResponseField("tier", "$.tier", true, false),
                        new ResponseField("phone", "$.phone", false, true)),
                "You are a {{tier}} member; we call you on {{phone}}."));
    }

    private static ActionDefinition action(String name, String description, List<Input> inputs, String path,
            String connection, List<ResponseField> fields, String answer) {
        return new ActionDefinition(null, name, description, List.of(), new ArrayList<>(inputs),
                new Request("GET", SHOP.baseUrl() + path, Map.of(), null), connection, fields, answer, Risk.READ,
                false, null, true, 2000, null, null, null, null, null);
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString(("parley-bot:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }
}
