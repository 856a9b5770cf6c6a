package dev.parley.action;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import dev.parley.action.ActionResult.Status;
import dev.parley.conversation.VerifiedCustomer;
import dev.parley.encryption.TestKeys;
import dev.parley.identity.Actor;
import dev.parley.shared.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actions against a real HTTP shop API (WireMock): the verified customer's order status, identity refused, inputs
 * asked and validated, a write confirmed and run once, failures handed over with a note, SSRF targets refused, and
 * the connection's secret in no log, execution row or export.
 */
@SpringBootTest(properties = "parley.actions.allowed-hosts=localhost")
@ExtendWith(OutputCaptureExtension.class)
class ActionTests {

    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());
    static final String SECRET = "shop-api-secret-" + UUID.randomUUID();

    static {
        SHOP.start();
        SHOP.stubFor(get(urlPathMatching("/orders/1001")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1001,\"status\":\"shipped\",\"delivery\":{\"eta\":\"2026-12-08\"},"
                        + "\"tracking\":\"TRK-SECRET-42\"}")));
        SHOP.stubFor(get(urlPathMatching("/orders/5003")).willReturn(aResponse().withStatus(503).withBody("down")));
        SHOP.stubFor(get(urlPathMatching("/orders/5004")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000).withBody("{\"status\":\"late\"}")));
        SHOP.stubFor(get(urlPathMatching("/orders/5005")).willReturn(aResponse().withStatus(200)
                .withBody("<html>maintenance</html>")));
        SHOP.stubFor(get(urlPathMatching("/orders/5006")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data")));
        SHOP.stubFor(post(urlEqualTo("/orders/1002/cancel")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"state\":\"cancelled\"}")));
    }

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-actions-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:actions-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stopShop() {
        SHOP.stop();
    }

    @Autowired
    Actions actions;
    @Autowired
    ActionConnections connections;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    static final VerifiedCustomer GRACE = new VerifiedCustomer("cust-7", "grace@example.com", Instant.now());

    @Test
    void aVerifiedCustomerGetsTheOrderStatusAndTheLogMasksRedactedValues(CapturedOutput output) {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 5000, 60);

        ActionResult result = actions.run(status.id(), context(GRACE, Map.of("order", "1001"), false));

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.answer()).isEqualTo("Order #1001 is shipped; expected on 2026-12-08. Tracking: TRK-SECRET-42");
        SHOP.verify(getRequestedFor(urlEqualTo("/orders/1001?email=grace%40example.com"))
                .withHeader("Authorization", equalTo("Bearer " + SECRET)));
        ActionExecution logged = actions.executionsOf(status.id(), 10).getFirst();
        assertThat(logged.status()).isEqualTo("SUCCEEDED");
        assertThat(logged.httpStatus()).isEqualTo(200);
        assertThat(logged.latencyMs()).isNotNull();
        assertThat(logged.outputs()).contains("shipped").contains(ActionRunner.MASK).doesNotContain("TRK-SECRET-42");
        assertThat(logged.answer()).doesNotContain("TRK-SECRET-42");
        assertThat(meters.counter("parley.actions.executions", "action", status.name(), "outcome", "succeeded")
                .count()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void anUnverifiedCustomerIsRefusedWithoutCallingTheApi() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 5000, 60);
        int before = SHOP.getAllServeEvents().size();

        ActionResult result = actions.run(status.id(), context(null, Map.of("order", "1001"), false));

        assertThat(result.status()).isEqualTo(Status.IDENTITY_REQUIRED);
        assertThat(result.agentNote()).contains("verified customer");
        assertThat(SHOP.getAllServeEvents()).hasSize(before);
    }

    @Test
    void aMissingInputIsAskedForAndAWrongOneExplained() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 5000, 60);

        ActionResult missing = actions.run(status.id(), context(GRACE, Map.of(), false));
        assertThat(missing.status()).isEqualTo(Status.NEEDS_INPUT);
        assertThat(missing.input()).isEqualTo("order");
        assertThat(missing.question()).isEqualTo("What is your order number?");
        assertThat(missing.problem()).isNull();

        ActionResult wrong = actions.run(status.id(), context(GRACE, Map.of("order", "abc"), false));
        assertThat(wrong.status()).isEqualTo(Status.NEEDS_INPUT);
        assertThat(wrong.problem()).contains("\"abc\" is not a whole number");

        ActionResult tooShort = actions.run(status.id(), context(GRACE, Map.of("order", "12"), false));
        assertThat(tooShort.problem()).contains("does not look like a valid order");

        assertThat(actions.run(status.id(), context(GRACE, Map.of("order", "1001"), false)).status())
                .isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aWriteWaitsForTheCustomersConfirmationAndRunsOnce() {
        ActionDefinition cancel = actions.save(Actor.SYSTEM, new ActionDefinition(null, "cancel_" + suffix(),
                "Cancel an order that has not shipped", List.of("Cancel my order"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, null, List.of(), "Which order?", false),
                        new Input("customer", Type.STRING, Source.IDENTITY_ID, true, null, List.of(), null, false)),
                new Request("POST", SHOP.baseUrl() + "/orders/{{order}}/cancel", Map.of(),
                        "{\"customer\":\"{{customer}}\",\"reason\":\"customer request\"}"),
                "shop", List.of(new ResponseField("state", "$.state", true, false)),
                "Order #{{order}} is {{state}}.", Risk.WRITE, true, "Cancel order #{{order}}? Yes / No", false,
                5000, 65536, 60, null));
        ensureConnection();

        UUID conversation = UUID.randomUUID();
        ActionResult asked = actions.run(cancel.id(), new ActionContext(conversation, GRACE, Map.of("order", "1002"),
                false, false));
        assertThat(asked.status()).isEqualTo(Status.NEEDS_CONFIRMATION);
        assertThat(asked.question()).isEqualTo("Cancel order #1002? Yes / No");
        SHOP.verify(0, postRequestedFor(urlEqualTo("/orders/1002/cancel")));

        ActionResult done = actions.run(cancel.id(), new ActionContext(conversation, GRACE, Map.of("order", "1002"),
                true, false));
        ActionResult again = actions.run(cancel.id(), new ActionContext(conversation, GRACE, Map.of("order", "1002"),
                true, false));

        assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(done.answer()).isEqualTo("Order #1002 is cancelled.");
        assertThat(again.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(again.executionId()).isEqualTo(done.executionId());
        SHOP.verify(1, postRequestedFor(urlEqualTo("/orders/1002/cancel"))
                .withHeader("Idempotency-Key", equalTo(SHOP.findAll(postRequestedFor(urlEqualTo("/orders/1002/cancel")))
                        .getFirst().getHeader("Idempotency-Key")))
                .withRequestBody(equalTo("{\"customer\":\"cust-7\",\"reason\":\"customer request\"}")));
    }

    @Test
    void anApiThatIsDownSlowOrAnswersNonsenseFailsWithANoteAndNoAnswer() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 500, 60);

        ActionResult down = actions.run(status.id(), context(GRACE, Map.of("order", "5003"), false));
        assertThat(down.status()).isEqualTo(Status.FAILED);
        assertThat(down.answer()).isNull();
        assertThat(down.agentNote()).contains("HTTP_ERROR").contains("HTTP 503").contains(status.name());

        long begin = System.nanoTime();
        ActionResult slow = actions.run(status.id(), context(GRACE, Map.of("order", "5004"), false));
        assertThat(slow.status()).isEqualTo(Status.FAILED);
        assertThat(slow.agentNote()).contains("TIMEOUT");
        assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(2500);

        ActionResult nonsense = actions.run(status.id(), context(GRACE, Map.of("order", "5005"), false));
        assertThat(nonsense.agentNote()).contains("UNMAPPABLE");

        ActionResult redirected = actions.run(status.id(), context(GRACE, Map.of("order", "5006"), false));
        assertThat(redirected.status()).isEqualTo(Status.FAILED);
        assertThat(redirected.agentNote()).contains("HTTP 302");

        assertThat(actions.executionsOf(status.id(), 10)).extracting(ActionExecution::errorType)
                .containsExactlyInAnyOrder("HTTP_ERROR", "TIMEOUT", "UNMAPPABLE", "HTTP_ERROR");
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefusedUnlessAllowListed() {
        String loopback = "http://127.0.0.1:" + SHOP.port();
        for (String base : List.of(loopback, "http://169.254.169.254", "http://10.0.0.7", "http://[::1]:" + SHOP.port())) {
            ActionDefinition target = orderStatus("ssrf_" + suffix(), base, 2000, 60);
            ActionResult result = actions.run(target.id(), context(GRACE, Map.of("order", "1001"), false));
            assertThat(result.status()).as(base).isEqualTo(Status.FAILED);
            assertThat(result.agentNote()).as(base).contains("REFUSED_TARGET");
        }
    }

    @Test
    void theRateLimitStopsAnActionThatIsCalledTooOften() throws InterruptedException {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 5000, 2);
        // The limit counts calls per minute window (aligned to the epoch): start early in a window, so the three
        // calls of a slow run on a loaded machine do not straddle two windows.
        while (System.currentTimeMillis() % 60_000 > 40_000) {
            Thread.sleep(250);
        }
        assertThat(actions.run(status.id(), context(GRACE, Map.of("order", "1001"), false)).status())
                .isEqualTo(Status.SUCCEEDED);
        assertThat(actions.run(status.id(), context(GRACE, Map.of("order", "1001"), false)).status())
                .isEqualTo(Status.SUCCEEDED);
        ActionResult third = actions.run(status.id(), context(GRACE, Map.of("order", "1001"), false));
        assertThat(third.status()).isEqualTo(Status.FAILED);
        assertThat(third.agentNote()).contains("RATE_LIMITED");
    }

    @Test
    void anExecutionWhoseSealedTextsCannotBeOpenedIsLoggedAsUnreadableAndTheOthersStillShow() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), "https://shop.example", 5000, 60);
        for (String order : List.of("4242", "4343")) {
            actions.run(status.id(), new ActionContext(null, GRACE, Map.of("order", order), false, true));
        }
        UUID damaged = actions.executionsOf(status.id(), 10).stream().filter(e -> e.answer().contains("#4242"))
                .findFirst().orElseThrow().id();
        // sealed with a key id this server does not have, as after a lost key or a damaged restore
        jdbc.sql("UPDATE action_execution SET inputs = :s, answer = :s WHERE id = :id")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", damaged).update();

        List<ActionExecution> log = actions.executionsOf(status.id(), 10);

        assertThat(log).hasSize(2);
        assertThat(log).filteredOn(e -> e.id().equals(damaged)).singleElement().satisfies(e -> {
            assertThat(e.inputs()).isEqualTo(dev.parley.encryption.Encryption.UNREADABLE);
            assertThat(e.answer()).isEqualTo(dev.parley.encryption.Encryption.UNREADABLE);
        });
        assertThat(log).filteredOn(e -> !e.id().equals(damaged)).singleElement()
                .satisfies(e -> assertThat(e.answer()).contains("Order #4343"));
    }

    @Test
    void aMockRunAnswersFromTheMockResponseWithoutCallingTheApi() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), "https://shop.example", 5000, 60);
        ActionResult result = actions.run(status.id(), new ActionContext(null, GRACE, Map.of("order", "4242"), false,
                true));
        assertThat(result.answer()).isEqualTo("Order #4242 is packed; expected on 2026-12-10. Tracking: MOCK-1");
        assertThat(actions.executionsOf(status.id(), 1).getFirst().mock()).isTrue();
    }

    @Test
    void definitionsAreCheckedAndTheExportNeverHoldsTheSecret() {
        ActionDefinition status = orderStatus("order_status_" + suffix(), SHOP.baseUrl(), 5000, 60);
        ActionDefinition broken = Actions.withId(status, null);
        ActionDefinition unknownPlaceholder = new ActionDefinition(null, "broken_" + suffix(), null, List.of(),
                status.inputs(), new Request("GET", SHOP.baseUrl() + "/orders/{{orderNumber}}", Map.of(), null),
                null, List.of(), "ok", Risk.READ, false, null, false, 1000, 1000, 10, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.save(Actor.SYSTEM, unknownPlaceholder))
                .isInstanceOf(ApiException.class).hasMessageContaining("{{orderNumber}}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.save(Actor.SYSTEM, broken))
                .isInstanceOf(ApiException.class).hasMessageContaining("exists already");

        String exported = json.writeValueAsString(actions.export());
        assertThat(exported).contains(status.name()).contains("\"shop\"").doesNotContain(SECRET);
        assertThat(jdbc.sql("SELECT secret FROM action_connection WHERE name = 'shop'").query(String.class).single())
                .startsWith("enc:v1:").doesNotContain(SECRET);

        actions.delete(Actor.SYSTEM, status.id());
        Actions.Export export = json.readValue(exported, Actions.Export.class);
        List<ActionDefinition> imported = actions.importAll(Actor.SYSTEM, export);
        assertThat(imported).extracting(ActionDefinition::name).contains(status.name());
        assertThat(actions.all()).extracting(ActionDefinition::name).contains(status.name());
        // the log is sealed at rest: read it opened, as the API shows it
        List<UUID> logged = jdbc.sql("SELECT DISTINCT action_id FROM action_execution").query(UUID.class).list();
        assertThat(logged).isNotEmpty();
        assertThat(logged.stream().flatMap(id -> actions.executionsOf(id, 1000).stream())
                .flatMap(e -> java.util.stream.Stream.of(e.inputs(), e.outputs(), e.error(), e.answer()))
                .filter(java.util.Objects::nonNull)).isNotEmpty().noneMatch(text -> text.contains(SECRET));
    }

    private ActionDefinition orderStatus(String name, String baseUrl, int timeoutMillis, int ratePerMinute) {
        ensureConnection();
        return actions.save(Actor.SYSTEM, new ActionDefinition(null, name, "Where an order is",
                List.of("Where is my order?", "Has order 1001 shipped?"),
                List.of(new Input("order", Type.INTEGER, Source.ASK, true, "\\d{4,8}", List.of(),
                                "What is your order number?", false),
                        new Input("email", Type.STRING, Source.IDENTITY_EMAIL, true, null, List.of(), null, false)),
                new Request("GET", baseUrl + "/orders/{{order}}?email={{email}}", Map.of(), null), "shop",
                List.of(new ResponseField("status", "$.status", true, false),
                        new ResponseField("eta", "$.delivery.eta", false, false),
                        new ResponseField("tracking", "$.tracking", false, true)),
                "Order #{{order}} is {{status}}; expected on {{eta}}. Tracking: {{tracking}}", Risk.READ, false, null,
                true, timeoutMillis, 65536, ratePerMinute,
                "{\"status\":\"packed\",\"delivery\":{\"eta\":\"2026-12-10\"},\"tracking\":\"MOCK-1\"}"));
    }

    private synchronized void ensureConnection() {
        if (connections.all().stream().noneMatch(c -> c.name().equals("shop"))) {
            connections.create(Actor.SYSTEM, "shop", ActionConnections.Kind.BEARER, null, null, SECRET);
        }
    }

    private static ActionContext context(VerifiedCustomer customer, Map<String, String> given, boolean confirmed) {
        return new ActionContext(UUID.randomUUID(), customer, given, confirmed, false);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    }
}
