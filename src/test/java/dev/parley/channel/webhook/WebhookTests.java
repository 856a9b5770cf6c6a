package dev.parley.channel.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.parley.ModuleListenerPublications.registeredFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.SilentServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.parley.channel.api.Signatures;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ConversationRated;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.encryption.TestKeys;
import dev.parley.identity.Actor;
import dev.parley.identity.AuditLog;
import dev.parley.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Outbound webhooks against a real HTTP receiver (WireMock): signed deliveries that the snippets of
 * docs/webhooks.md verify (run with python3, node and java), retries, disabling, redelivery, de-duplication.
 */
@SpringBootTest(properties = {"parley.channels.callbacks.allow-private-addresses=true",
        "parley.webhooks.first-retry-after=1s", "parley.webhooks.retry-for=2s", "parley.webhooks.disable-after=2",
        "parley.webhooks.dispatch-interval=1s"})
class WebhookTests {

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());
    static final Duration WAIT = Duration.ofSeconds(60);

    static {
        RECEIVER.start();
        RECEIVER.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200).withBody("thanks")));
        RECEIVER.stubFor(post(urlEqualTo("/down")).willReturn(aResponse().withStatus(500).withBody("boom")));
    }

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookEvents events;
    @Autowired
    WebhookRepository repository;
    @Autowired
    Conversations conversations;
    @Autowired
    AuditLog audit;
    @Autowired
    dev.parley.identity.Agents agents;

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** Posts to subscribers counted so far with the outcome, for the ParleyWebhookDeliveryFailing alert. */
    double posts(String outcome) {
        return meters.get("parley.webhook.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void anEventNoSubscriptionWantsGetsNoPublication() {
        var message = new MessageReceived(UUID.randomUUID(),
                UUID.randomUUID(), 1, "web", null, "Subject", "Visitor", "Hello", null, Instant.now());
        var rating = new ConversationRated(UUID.randomUUID(), 5,
                Instant.now());
        assertThat(registeredFor(context, message))
                .doesNotContain("WebhookEvents.on");

        webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("message.created"));

        assertThat(registeredFor(context, message)).contains("WebhookEvents.on");
        assertThat(registeredFor(context, rating))
                .doesNotContain("WebhookEvents.on");
    }

    @TempDir
    Path dir;

    /** Subscriptions live in the database other test classes share: none is left to send elsewhere. */
    @org.junit.jupiter.api.AfterEach
    void removeSubscriptions() {
        webhooks.all().forEach(s -> webhooks.delete(Actor.SYSTEM, s.id()));
    }

    @Test
    void deliveriesAreSignedSoThatTheDocumentedSnippetsAcceptThemAndRejectForgeries() throws Exception {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks",
                List.of("conversation.created", "message.created"));
        UUID id = startConversation();
        String text = "Signed reply " + UUID.randomUUID();
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        ServeEvent delivery = await().atMost(WAIT).until(() -> received("/hooks", text), e -> e != null);
        byte[] body = delivery.getRequest().getBody();
        String header = delivery.getRequest().getHeader("X-Parley-Signature");
        assertThat(delivery.getRequest().getHeader("X-Parley-Event")).isEqualTo("message.created");

        for (Snippet snippet : Snippet.values()) {
            assertThat(snippet.run(dir, hook.secret(), header, body)).as(snippet + " accepts").isZero();
            assertThat(snippet.run(dir, "whsec_wrong", header, body)).as(snippet + " wrong secret").isNotZero();
            byte[] tampered = new String(body, StandardCharsets.UTF_8).replace(text, "Tampered").getBytes(StandardCharsets.UTF_8);
            assertThat(snippet.run(dir, hook.secret(), header, tampered)).as(snippet + " tampered").isNotZero();
            String old = Signatures.header(hook.secret(), Instant.now().minusSeconds(600).getEpochSecond(), body);
            assertThat(snippet.run(dir, hook.secret(), old, body)).as(snippet + " replayed").isNotZero();
        }
    }

    @Test
    void anAssignmentSaysWhoMadeIt() throws Exception {
        webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("conversation.assigned"));
        UUID id = startConversation();
        UUID ada = dev.parley.identity.TestAgents.create(agents, dev.parley.identity.Role.AGENT).id();
        UUID lead = dev.parley.identity.TestAgents.create(agents, dev.parley.identity.Role.SUPERVISOR).id();

        conversations.update(id, dev.parley.conversation.ConversationChanges.assignee(ada), lead);

        ServeEvent delivery = await().atMost(WAIT).until(() -> received("/hooks", id.toString()), e -> e != null);
        var data = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(delivery.getRequest().getBody()).get("data");
        assertThat(data.get("assigneeId").asText()).isEqualTo(ada.toString());
        assertThat(data.get("assignedBy").asText()).isEqualTo(lead.toString());
        assertThat(data.hasNonNull("previousAssigneeId")).as("nobody held it").isFalse();
    }

    @Test
    void aRepeatedEventIsDeliveredOnce() {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("csat.submitted"));
        ConversationRated rated = new ConversationRated(UUID.randomUUID(), 5, Instant.now());
        double succeededBefore = posts("success");

        events.on(rated);
        events.on(rated);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(hook.subscription().id()))
                .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("DELIVERED")));
        // other tests' subscriptions may want the same event: count this subscription's requests only
        UUID deliveryId = webhooks.deliveries(hook.subscription().id()).getFirst().id();
        assertThat(RECEIVER.getAllServeEvents().stream().filter(e -> deliveryId.toString()
                .equals(e.getRequest().getHeader("X-Parley-Delivery")))).hasSize(1);
        assertThat(posts("success")).isGreaterThan(succeededBefore);
    }

    @Test
    void aDeliveryWhoseSealedPayloadCannotBeOpenedIsListedAsUnreadableAndTheOthersStillShow() {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("csat.submitted"));
        UUID subscription = hook.subscription().id();
        events.on(new ConversationRated(UUID.randomUUID(), 5, Instant.now()));
        events.on(new ConversationRated(UUID.randomUUID(), 4, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(subscription)).hasSize(2)
                .allSatisfy(d -> assertThat(d.state()).isEqualTo("DELIVERED")));
        UUID damaged = webhooks.deliveries(subscription).getFirst().id();
        // sealed with a key id this server does not have, as after a lost key or a damaged restore
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("UPDATE webhook_delivery SET payload = :s WHERE id = :id")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", damaged).update();

        assertThat(webhooks.deliveries(subscription)).hasSize(2).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo(damaged);
            assertThat(d.payload()).isEqualTo(dev.parley.encryption.Encryption.UNREADABLE);
        }).anySatisfy(d -> assertThat(d.payload()).contains("csat.submitted"));
    }

    @Test
    void aPendingDeliveryWhosePayloadCannotBeDecryptedIsFailedOnceWithTheReasonAndTheOthersAreSent() {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("csat.submitted"));
        UUID subscription = hook.subscription().id();
        String payload = "{\"event\":\"csat.submitted\"}";
        // due in a few seconds, so the damage below comes first
        UUID damaged = repository.enqueue(subscription, UUID.randomUUID(), "csat.submitted", payload,
                Instant.now().plusSeconds(3)).orElseThrow();
        UUID intact = repository.enqueue(subscription, UUID.randomUUID(), "csat.submitted", payload,
                Instant.now().plusSeconds(3)).orElseThrow();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("UPDATE webhook_delivery SET payload = :s WHERE id = :id")
                .param("s", TestKeys.SEALED_WITH_A_LOST_KEY).param("id", damaged).update();

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.deliveries(subscription))
                .anySatisfy(d -> {
                    assertThat(d.id()).isEqualTo(intact);
                    assertThat(d.state()).isEqualTo("DELIVERED");
                }).anySatisfy(d -> {
                    assertThat(d.id()).isEqualTo(damaged);
                    assertThat(d.state()).isEqualTo("FAILED");
                    assertThat(d.attempts()).isZero();
                    assertThat(d.lastResponse()).contains("cannot be decrypted").contains("redeliver");
                }));
        assertThat(RECEIVER.getAllServeEvents().stream().filter(e -> damaged.toString()
                .equals(e.getRequest().getHeader("X-Parley-Delivery")))).isEmpty();
    }

    @Test
    void aReceiverThatNeverAnswersHoldsUpNoOtherSubscription() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            // created first, so it comes first wherever subscriptions are read in order
            Webhooks.Created hanging = webhooks.create(Actor.SYSTEM, "http://127.0.0.1:" + silent.port() + "/hooks",
                    List.of("csat.submitted"));
            Webhooks.Created answering = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks",
                    List.of("csat.submitted"));

            // due together, as retries are: the dispatcher's round sends them
            String payload = "{\"event\":\"csat.submitted\"}";
            repository.enqueue(hanging.subscription().id(), UUID.randomUUID(), "csat.submitted", payload, Instant.now());
            repository.enqueue(answering.subscription().id(), UUID.randomUUID(), "csat.submitted", payload,
                    Instant.now().plusMillis(1));

            // the silent receiver holds its delivery for the call timeout (10 s)
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                    webhooks.deliveries(answering.subscription().id())).singleElement()
                    .satisfies(d -> assertThat(d.state()).isEqualTo("DELIVERED")));
            assertThat(silent.holdsAClient()).as("the other delivery still waits for its answer").isTrue();
            assertThat(webhooks.deliveries(hanging.subscription().id())).singleElement()
                    .satisfies(d -> assertThat(d.state()).isEqualTo("PENDING"));
        }
    }

    @Test
    void anAdminRedeliversAndTheEventIdStaysTheSame() {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("csat.submitted"));
        ConversationRated rated = new ConversationRated(UUID.randomUUID(), 4, Instant.now());
        events.on(rated);
        WebhookDelivery first = await().atMost(WAIT).until(() -> webhooks.deliveries(hook.subscription().id()).stream()
                .filter(d -> d.state().equals("DELIVERED")).findFirst().orElse(null), d -> d != null);

        webhooks.redeliver(Actor.SYSTEM, hook.subscription().id(), first.id());

        await().atMost(WAIT).untilAsserted(() -> assertThat(RECEIVER.getAllServeEvents().stream()
                .filter(e -> first.id().toString().equals(e.getRequest().getHeader("X-Parley-Delivery")))
                .map(e -> e.getRequest().getHeader("X-Parley-Event-Id")).toList())
                .hasSize(2).containsOnly(first.eventId().toString()));
    }

    @Test
    void aReceiverThatKeepsFailingIsRetriedThenTheSubscriptionIsDisabledWithANotice() {
        Webhooks.Created hook = webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/down", List.of("csat.submitted"));
        UUID subscription = hook.subscription().id();
        double failedBefore = posts("failure");

        events.on(new ConversationRated(UUID.randomUUID(), 1, Instant.now()));
        events.on(new ConversationRated(UUID.randomUUID(), 2, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhooks.get(subscription).active()).isFalse());
        assertThat(webhooks.get(subscription).disabledReason()).contains("HTTP 500");
        assertThat(webhooks.deliveries(subscription)).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo("FAILED");
            assertThat(d.attempts()).isGreaterThanOrEqualTo(2);
            assertThat(d.lastStatus()).isEqualTo(500);
            assertThat(d.lastResponse()).contains("boom");
        });
        assertThat(audit.page("webhook.disabled", 0, 50)).anyMatch(e -> e.target().equals(subscription.toString()));
        assertThat(posts("failure")).isGreaterThanOrEqualTo(failedBefore + webhooks.deliveries(subscription).stream()
                .mapToInt(WebhookDelivery::attempts).sum());
    }

    @Test
    void badSubscriptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> webhooks.create(Actor.SYSTEM, "ftp://files.example/x", List.of("message.created")))
                .isInstanceOf(ApiException.class).hasMessageContaining("http");
        assertThatThrownBy(() -> webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of("message.deleted")))
                .isInstanceOf(ApiException.class).hasMessageContaining("conversation.created");
        assertThatThrownBy(() -> webhooks.create(Actor.SYSTEM, RECEIVER.baseUrl() + "/hooks", List.of()))
                .isInstanceOf(ApiException.class);
    }

    private UUID startConversation() {
        return conversations.start(new NewConversation("web", new Customer("Ann", null, null), SourceDetails.none(),
                null)).conversation().id();
    }

    private ServeEvent received(String path, String text) {
        return RECEIVER.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path)
                && e.getRequest().getBodyAsString().contains(text)).findFirst().orElse(null);
    }
}
