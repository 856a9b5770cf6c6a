package dev.parley.channel.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.parley.channel.ChannelContract;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API channel against a real HTTP receiver (WireMock): the channel contract, signed callbacks, idempotent
 * posting, refused keys storing nothing, and a receiver that keeps failing shown as failed.
 */
@SpringBootTest(properties = {"parley.channels.callbacks.allow-private-addresses=true",
        "parley.api-channel.inboxes[0].name=Configured bridge",
        "parley.api-channel.inboxes[0].callback-url=http://127.0.0.1:9/configured",
        "parley.api-channel.inboxes[0].api-key=" + ApiChannelTests.CONFIGURED_KEY,
        "parley.api-channel.inboxes[0].signing-secret=configured-signing-secret-1",
        "parley.api-channel.inboxes[0].assistant-mode=OFF",
        "parley.channels.delivery.max-attempts=2", "parley.channels.delivery.first-retry-after=1s",
        "parley.channels.delivery.retry-interval=1s"})
@AutoConfigureMockMvc
class ApiChannelTests implements ChannelContract {

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort());
    static final String CONFIGURED_KEY = "pik_configured-key-0123456789abcdef";

    static {
        RECEIVER.start();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApiInboxes apiInboxes;
    @Autowired
    Conversations conversations;
    @Autowired
    ConversationQueries queries;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Inboxes inboxes;
    @Autowired
    MeterRegistry meters;

    private ApiInboxes.Created inbox;
    private final Map<UUID, String> contactOf = new ConcurrentHashMap<>();

    @BeforeEach
    void createInbox() {
        RECEIVER.stubFor(post(urlEqualTo("/parley")).willReturn(aResponse().withStatus(204)));
        RECEIVER.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(503).withBody("down")));
        inbox = apiInboxes.create("Bridge " + UUID.randomUUID(), RECEIVER.baseUrl() + "/parley", null);
    }

    @Override
    public String channelType() {
        return "api";
    }

    @Override
    public UUID customerStarts(String text) throws Exception {
        String contact = "user-" + UUID.randomUUID();
        JsonNode accepted = json.readTree(postMessage(inbox, contact, text, "m-" + UUID.randomUUID())
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(accepted.get("conversationId").asString());
        contactOf.put(id, contact);
        return id;
    }

    @Override
    public void customerWritesAgain(UUID conversationId, String text) throws Exception {
        postMessage(inbox, contactOf.get(conversationId), text, "m-" + UUID.randomUUID())
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.conversationId").value(conversationId.toString()));
    }

    @Override
    public List<String> receivedByCustomer(UUID conversationId) {
        return callbacks().stream().map(this::body).filter(b -> b.get("conversationId").asString()
                .equals(conversationId.toString())).filter(b -> "message.created".equals(b.get("event").asString()))
                .map(b -> b.get("message").get("text").asString()).toList();
    }

    @Override
    public Conversations conversations() {
        return conversations;
    }

    @Override
    public Deliveries deliveries() {
        return deliveries;
    }

    @Override
    public Inboxes inboxes() {
        return inboxes;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
    }

    @Test
    void callbacksAreSignedSoTheReceiverCanCheckThemAndTheirAge() throws Exception {
        UUID id = customerStarts("Is my order shipped?");
        String text = "Shipped today " + UUID.randomUUID();
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        await().atMost(WAIT).until(() -> receivedByCustomer(id).contains(text));
        ServeEvent event = callbacks().stream().filter(e -> e.getRequest().getBodyAsString().contains(text))
                .findFirst().orElseThrow();
        String header = event.getRequest().getHeader("X-Parley-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        assertThat(v1).isEqualTo(Signatures.hmac(inbox.signingSecret(), t, event.getRequest().getBody()));
        assertThat(Instant.now().getEpochSecond() - t).isBetween(-5L, 300L);
        assertThat(Signatures.hmac("another secret", t, event.getRequest().getBody())).isNotEqualTo(v1);
        assertThat(body(event).get("contactId").asString()).isEqualTo(contactOf.get(id));
        assertThat(event.getRequest().getHeader("X-Parley-Event-Id")).isNotBlank();
    }

    @Test
    void statusChangesReachTheCallbackSignedWithTheContactAndAnEventId() throws Exception {
        UUID id = customerStarts("Please close this " + UUID.randomUUID());

        conversations.changeStatus(id, ConversationStatus.RESOLVED);

        await().atMost(WAIT).until(() -> statusEvents(id).stream().anyMatch(e -> "RESOLVED".equals(body(e).get("status").asString())));
        ServeEvent event = statusEvents(id).stream().filter(e -> "RESOLVED".equals(body(e).get("status").asString()))
                .findFirst().orElseThrow();
        JsonNode body = body(event);
        assertThat(body.get("contactId").asString()).isEqualTo(contactOf.get(id));
        assertThat(body.get("from").asString()).isNotBlank();
        assertThat(event.getRequest().getHeader("X-Parley-Event")).isEqualTo("conversation.status_changed");
        assertThat(event.getRequest().getHeader("X-Parley-Event-Id")).isEqualTo(body.get("id").asString());
        String header = event.getRequest().getHeader("X-Parley-Signature");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(header.substring(header.indexOf("v1=") + 3))
                .isEqualTo(Signatures.hmac(inbox.signingSecret(), t, event.getRequest().getBody()));
    }

    private List<ServeEvent> statusEvents(UUID conversationId) {
        return callbacks().stream().filter(e -> "conversation.status_changed".equals(e.getRequest().getHeader("X-Parley-Event")))
                .filter(e -> body(e).get("conversationId").asString().equals(conversationId.toString())).toList();
    }

    @Test
    void anInboxFromConfigurationOpensWithItsConfiguredKeyAndIsWrittenAgainAtEveryStart() throws Exception {
        apiInboxes.syncProperties(); // as at the next start: the same inbox, not a second one

        List<Inbox> configured = inboxes.all().stream().filter(i -> "Configured bridge".equals(i.name())).toList();
        assertThat(configured).hasSize(1);
        Inbox inbox = configured.getFirst();
        assertThat(inbox.assistantMode()).isEqualTo(dev.parley.conversation.AssistantMode.OFF);
        assertThat(apiInboxes.listed()).anySatisfy(l -> {
            assertThat(l.inbox().id()).isEqualTo(inbox.id());
            assertThat(l.fromProperties()).isTrue();
            assertThat(l.callbackUrl()).isEqualTo("http://127.0.0.1:9/configured");
        });
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + inbox.id() + "/messages")
                        .header("Authorization", "Bearer " + CONFIGURED_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(payload("c-1", "From config", "cfg-1")))
                .andExpect(status().isAccepted());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + inbox.id() + "/messages")
                        .header("Authorization", "Bearer " + inbox.id())
                        .contentType(MediaType.APPLICATION_JSON).content(payload("c-1", "Wrong key", "cfg-2")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSameMessageIdIsStoredOnce() throws Exception {
        String contact = "user-" + UUID.randomUUID();
        String text = "Retry-safe " + UUID.randomUUID();
        postMessage(inbox, contact, text, "same-1").andExpect(status().isAccepted());

        postMessage(inbox, contact, text, "same-1").andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));

        assertThat(queries.count(ConversationFilter.all().withText(text))).isEqualTo(1);
    }

    @Test
    void aMissingOrForeignKeyIsRefusedAndNothingIsStored() throws Exception {
        String text = "Should not be stored " + UUID.randomUUID();
        ApiInboxes.Created other = apiInboxes.create("Other", RECEIVER.baseUrl() + "/parley", null);

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + inbox.inbox().id() + "/messages")
                        .contentType(MediaType.APPLICATION_JSON).content(payload("u", text, "x1")))
                .andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + inbox.inbox().id() + "/messages")
                        .header("Authorization", "Bearer " + other.apiKey())
                        .contentType(MediaType.APPLICATION_JSON).content(payload("u", text, "x2")))
                .andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + inbox.inbox().id() + "/messages")
                        .header("Authorization", "Bearer " + inbox.apiKey())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"contactId\":\"u\"}"))
                .andExpect(status().isBadRequest());

        assertThat(queries.count(ConversationFilter.all().withText(text))).isZero();
    }

    @Test
    void aReceiverThatKeepsFailingIsRetriedThenShownAsFailed() throws Exception {
        ApiInboxes.Created broken = apiInboxes.create("Broken bridge", RECEIVER.baseUrl() + "/broken", null);
        JsonNode accepted = json.readTree(postMessage(broken, "u-" + UUID.randomUUID(), "Hello?", "b-1")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        UUID id = UUID.fromString(accepted.get("conversationId").asString());

        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Hi!", false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).contains("503");
        }));
    }

    @Test
    void aCallbackUrlOfAnotherKindIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> apiInboxes.create("Bad", "file:///etc/passwd", null))
                .hasMessageContaining("http");
    }

    private ResultActions postMessage(ApiInboxes.Created target, String contact, String text, String messageId)
            throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/inboxes/" + target.inbox().id() + "/messages")
                .header("Authorization", "Bearer " + target.apiKey())
                .contentType(MediaType.APPLICATION_JSON).content(payload(contact, text, messageId)));
    }

    private String payload(String contact, String text, String messageId) {
        return json.writeValueAsString(Map.of("contactId", contact, "name", "Ann", "text", text,
                "messageId", messageId));
    }

    private List<ServeEvent> callbacks() {
        return RECEIVER.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/parley")).toList();
    }

    private JsonNode body(ServeEvent event) {
        return json.readTree(event.getRequest().getBodyAsString());
    }
}
