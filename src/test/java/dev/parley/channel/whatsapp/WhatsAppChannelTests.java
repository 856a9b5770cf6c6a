package dev.parley.channel.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.channel.ChannelContract;
import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.Attachments;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp channel against a WireMock server speaking the Graph API: the channel contract, the verify
 * handshake, signatures on the raw body, Meta's retries stored once, statuses, the 24-hour window and templates.
 */
@SpringBootTest(properties = {"parley.whatsapp.graph-base-url=http://localhost:${wa.port}/v21.0",
        "parley.whatsapp.inboxes[0].name=Support WhatsApp",
        "parley.whatsapp.inboxes[0].phone-number-id=900100200",
        "parley.whatsapp.inboxes[0].access-token=EAAG-property-token",
        "parley.whatsapp.inboxes[0].app-secret=property-secret",
        "parley.whatsapp.inboxes[0].verify-token=property-verify",
        "parley.whatsapp.inboxes[0].assistant-mode=OFF",
        "parley.channels.delivery.max-attempts=2", "parley.channels.delivery.first-retry-after=1s",
        "parley.channels.delivery.retry-interval=1s"})
@AutoConfigureMockMvc
class WhatsAppChannelTests implements ChannelContract {

    static final WireMockServer GRAPH = new WireMockServer(options().dynamicPort().globalTemplating(true));

    static {
        GRAPH.start();
        System.setProperty("wa.port", String.valueOf(GRAPH.port()));
    }

    static final String SECRET = "app-secret-" + UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    WhatsAppInboxes whatsapp;
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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Attachments attachments;

    private Inbox inbox;
    private String phoneNumberId;
    private final Map<UUID, String> senderOf = new ConcurrentHashMap<>();

    @BeforeEach
    void createInbox() {
        GRAPH.stubFor(post(urlPathMatching("/v21\\.0/[0-9]+/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"{{jsonPath request.body '$.to'}}\","
                        + "\"wa_id\":\"{{jsonPath request.body '$.to'}}\"}],"
                        + "\"messages\":[{\"id\":\"wamid.{{randomValue type='UUID'}}\"}]}")));
        phoneNumberId = newPhoneNumberId();
        inbox = whatsapp.create("WhatsApp " + phoneNumberId, phoneNumberId, "EAAG-token", SECRET, "verify-me",
                AssistantMode.OFF, null, null, "ADMIN");
    }

    @Override
    public String channelType() {
        return "whatsapp";
    }

    @Override
    public UUID customerStarts(String text) throws Exception {
        String sender = newPhone();
        UUID id = startFrom(inbox, phoneNumberId, sender, text);
        senderOf.put(id, sender);
        return id;
    }

    @Override
    public void customerWritesAgain(UUID conversationId, String text) throws Exception {
        deliver(inbox, SECRET, textMessage(phoneNumberId, senderOf.get(conversationId), "wamid." + UUID.randomUUID(), text))
                .andExpect(status().isOk());
    }

    @Override
    public List<String> receivedByCustomer(UUID conversationId) {
        String sender = senderOf.get(conversationId);
        return sentToGraph().stream().filter(b -> b.path("to").asString("").equals(sender))
                .filter(b -> b.path("type").asString("").equals("text"))
                .map(b -> b.path("text").path("body").asString()).toList();
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
    void theVerifyHandshakeAnswersTheChallengeOnlyForTheRightToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/channels/whatsapp/" + inbox.id() + "/webhook")
                        .param("hub.mode", "subscribe").param("hub.verify_token", "verify-me")
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isOk()).andExpect(content().string("1158201444"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/plain")));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/channels/whatsapp/" + inbox.id() + "/webhook")
                        .param("hub.mode", "subscribe").param("hub.verify_token", "guess")
                        .param("hub.challenge", "1158201444"))
                .andExpect(status().isForbidden());
    }

    @Test
    void inboxesFromPropertiesExistWithTheirSettings() {
        Inbox configured = inboxes.byAddress("whatsapp", "900100200").orElseThrow();
        assertThat(configured.name()).isEqualTo("Support WhatsApp");
        assertThat(configured.assistantMode()).isEqualTo(AssistantMode.OFF);
        WhatsAppInboxes.Settings settings = whatsapp.settings(configured.id()).orElseThrow();
        assertThat(settings.appSecret()).isEqualTo("property-secret");
        assertThat(jdbc.sql("SELECT access_token FROM whatsapp_inbox WHERE inbox_id = :id")
                .param("id", configured.id()).query(String.class).single()).doesNotContain("property-token");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        String text = "Forged " + UUID.randomUUID();
        byte[] body = textMessage(phoneNumberId, newPhone(), "wamid." + UUID.randomUUID(), text);

        deliver(inbox, "another secret", body).andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/channels/whatsapp/" + inbox.id() + "/webhook")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());

        assertThat(queries.count(ConversationFilter.all().withText(text))).isZero();
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() throws Exception {
        deliver(inbox, SECRET, "{\"entry\": [".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest());
    }

    @Test
    void metasRetryOfTheSameMessageIsStoredOnce() throws Exception {
        String text = "Retried by Meta " + UUID.randomUUID();
        byte[] body = textMessage(phoneNumberId, newPhone(), "wamid.same-" + UUID.randomUUID(), text);

        deliver(inbox, SECRET, body).andExpect(status().isOk());
        deliver(inbox, SECRET, body).andExpect(status().isOk());

        assertThat(queries.count(ConversationFilter.all().withText(text))).isEqualTo(1);
    }

    @Test
    void aSenderIdThatIsNotAPhoneNumberWorksBothWays() throws Exception {
        String sender = "US." + ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        UUID id = startFrom(inbox, phoneNumberId, sender, "Hi from a business-scoped id");
        senderOf.put(id, sender);
        Conversation conversation = conversations.get(id);
        assertThat(conversation.inboxId()).isEqualTo(inbox.id());
        String text = "Reply to a BSUID " + UUID.randomUUID();

        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedByCustomer(id)).contains(text));
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.externalId()).startsWith("whatsapp:wamid.")));
    }

    @Test
    void mediaIsFetchedWithTheInboxTokenAndAttachedToTheCustomersMessage() throws Exception {
        String sender = newPhone();
        String caption = "My broken screen " + UUID.randomUUID();
        String mediaId = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L));
        byte[] photo = ("JPEG-bytes-" + mediaId).getBytes(StandardCharsets.UTF_8);
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + mediaId)).withHeader("Authorization", equalTo("Bearer EAAG-token"))
                .willReturn(okJson("{\"url\":\"http://localhost:" + GRAPH.port() + "/media/" + mediaId + "\","
                        + "\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"file_size\":" + photo.length
                        + ",\"id\":\"" + mediaId + "\",\"messaging_product\":\"whatsapp\"}")));
        GRAPH.stubFor(get(urlPathEqualTo("/media/" + mediaId)).withHeader("Authorization", equalTo("Bearer EAAG-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/jpeg").withBody(photo)));
        byte[] body = payload(phoneNumberId, sender, Map.of("from", sender, "id", "wamid." + UUID.randomUUID(),
                "timestamp", "1700000000", "type", "image",
                "image", Map.of("id", mediaId, "mime_type", "image/jpeg", "sha256", "abc", "caption", caption)));

        deliver(inbox, SECRET, body).andExpect(status().isOk());
        deliver(inbox, SECRET, body).andExpect(status().isOk()); // Meta's retry: stored and fetched once

        UUID id = queries.find(ConversationFilter.all().withText(caption), 0, 1).items().getFirst().conversation().id();
        await().atMost(WAIT).until(() -> !attachments.ofConversation(id).isEmpty());
        MessageAttachment attached = attachments.ofConversation(id).getFirst();
        assertThat(attached.filename()).isEqualTo("whatsapp-image.jpg");
        assertThat(attached.contentType()).isEqualTo("image/jpeg");
        try (var content = attachments.content(id, attached.id()).orElseThrow()) {
            assertThat(content.readAllBytes()).isEqualTo(photo);
        }
        Thread.sleep(500);
        assertThat(attachments.ofConversation(id)).hasSize(1);
    }

    @Test
    void mediaThatIsGoneOrTooLargeBecomesANoteForAgentsNotALostMessage() throws Exception {
        String gone = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000_000L));
        String huge = gone + "9";
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + gone)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"gone\"}}")));
        GRAPH.stubFor(get(urlPathEqualTo("/v21.0/" + huge)).willReturn(okJson("{\"url\":\"http://localhost:"
                + GRAPH.port() + "/media/" + huge + "\",\"mime_type\":\"video/mp4\",\"file_size\":90000000}")));
        String sender = newPhone();
        String caption = "Video of the noise " + UUID.randomUUID();
        deliver(inbox, SECRET, payload(phoneNumberId, sender, Map.of("from", sender, "id", "wamid." + UUID.randomUUID(),
                "timestamp", "1700000000", "type", "document", "document", Map.of("id", gone,
                        "mime_type", "application/pdf", "filename", "invoice.pdf")))).andExpect(status().isOk());
        deliver(inbox, SECRET, payload(phoneNumberId, sender, Map.of("from", sender, "id", "wamid." + UUID.randomUUID(),
                "timestamp", "1700000001", "type", "video", "video", Map.of("id", huge, "mime_type", "video/mp4",
                        "caption", caption)))).andExpect(status().isOk());

        UUID id = queries.find(ConversationFilter.all().withText(caption), 0, 1).items().getFirst().conversation().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(conversations.transcript(id, 0, 100))
                .filteredOn(Message::internal).extracting(Message::text)
                .anySatisfy(t -> assertThat(t).contains("document could not be fetched").contains("HTTP 404"))
                .anySatisfy(t -> assertThat(t).contains("video could not be fetched").contains("more than")));
        assertThat(conversations.transcript(id, 0, 100)).anySatisfy(m -> assertThat(m.text()).contains("invoice.pdf"));
        assertThat(attachments.ofConversation(id)).isEmpty();
    }

    @Test
    void aFailedStatusMarksTheDeliveryFailedWithMetasReason() throws Exception {
        UUID id = customerStarts("Status please " + UUID.randomUUID());
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "On its way", false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        String wamid = deliveries.find(reply.id()).orElseThrow().externalId().substring("whatsapp:".length());
        byte[] delivered = statusPayload(wamid, "delivered", null);
        byte[] failed = statusPayload(wamid, "failed", Map.of("code", 131026, "title", "Message undeliverable",
                "message", "Message undeliverable", "error_data", Map.of("details", "Receiver is incapable")));

        deliver(inbox, SECRET, delivered).andExpect(status().isOk());
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        deliver(inbox, SECRET, failed).andExpect(status().isOk());

        assertThat(deliveries.find(reply.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.lastError()).contains("Message undeliverable");
        });
    }

    @Test
    void deliveredAndReadStatusesMoveTheDeliveryForwardNeverBack() throws Exception {
        UUID id = customerStarts("Read receipts " + UUID.randomUUID());
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Here you go", false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        String wamid = deliveries.find(reply.id()).orElseThrow().externalId().substring("whatsapp:".length());

        deliver(inbox, SECRET, statusPayload(wamid, "read", null)).andExpect(status().isOk());
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.READ);
        deliver(inbox, SECRET, statusPayload(wamid, "delivered", null)).andExpect(status().isOk()); // arrived late
        deliver(inbox, SECRET, statusPayload(wamid, "sent", null)).andExpect(status().isOk());

        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.READ);
    }

    @Test
    void outsideThe24HourWindowFreeTextFailsWithTheReason() throws Exception {
        UUID id = customerStarts("Old question " + UUID.randomUUID());
        customerWroteLast(id, Instant.now().minus(25, ChronoUnit.HOURS));
        String text = "Late answer " + UUID.randomUUID();

        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.lastError()).isEqualTo(WhatsAppChannel.OUTSIDE_WINDOW);
        }));
        assertThat(receivedByCustomer(id)).doesNotContain(text);
    }

    @Test
    void outsideThe24HourWindowTheReengagementTemplateIsSent() throws Exception {
        String number = newPhoneNumberId();
        Inbox templated = whatsapp.create("Templated " + number, number, "EAAG-token", SECRET, "verify-me",
                AssistantMode.OFF, "we_replied", "de", "ADMIN");
        String sender = newPhone();
        UUID id = startFrom(templated, number, sender, "Hallo " + UUID.randomUUID());
        customerWroteLast(id, Instant.now().minus(2, ChronoUnit.DAYS));

        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Late answer", false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        JsonNode sent = sentToGraph().stream().filter(b -> b.path("to").asString("").equals(sender)).findFirst()
                .orElseThrow();
        assertThat(sent.path("type").asString()).isEqualTo("template");
        assertThat(sent.path("template").path("name").asString()).isEqualTo("we_replied");
        assertThat(sent.path("template").path("language").path("code").asString()).isEqualTo("de");
        assertThat(GRAPH.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().contains("/" + number + "/"))
                .map(e -> e.getRequest().getHeader("Authorization"))).containsOnly("Bearer EAAG-token");
    }

    private void customerWroteLast(UUID conversationId, Instant at) {
        jdbc.sql("UPDATE conversation SET last_customer_message_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("id", conversationId).update();
    }

    private UUID startFrom(Inbox target, String number, String sender, String text) throws Exception {
        deliver(target, SECRET, textMessage(number, sender, "wamid." + UUID.randomUUID(), text))
                .andExpect(status().isOk());
        return queries.find(ConversationFilter.all().withText(text), 0, 1).items().getFirst().conversation().id();
    }

    private ResultActions deliver(Inbox target, String secret, byte[] body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/channels/whatsapp/" + target.id() + "/webhook")
                .header("X-Hub-Signature-256", WhatsAppWebhook.sign(secret, body))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private byte[] textMessage(String number, String sender, String messageId, String text) {
        return payload(number, sender, Map.of("from", sender, "id", messageId, "timestamp", "1700000000",
                "type", "text", "text", Map.of("body", text)));
    }

    private byte[] payload(String number, String sender, Map<String, Object> message) {
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "15550001111", "phone_number_id", number),
                "contacts", List.of(Map.of("profile", Map.of("name", "Ann Smith"), "wa_id", sender)),
                "messages", List.of(message));
        return json.writeValueAsBytes(Map.of("object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", "102290129340398",
                        "changes", List.of(Map.of("field", "messages", "value", value))))));
    }

    private byte[] statusPayload(String wamid, String state, Map<String, Object> error) {
        Map<String, Object> status = new java.util.LinkedHashMap<>(Map.of("id", wamid, "status", state,
                "timestamp", "1700000100", "recipient_id", "15551234567"));
        if (error != null) {
            status.put("errors", List.of(error));
        }
        Map<String, Object> value = Map.of("messaging_product", "whatsapp",
                "metadata", Map.of("display_phone_number", "15550001111", "phone_number_id", phoneNumberId),
                "statuses", List.of(status));
        return json.writeValueAsBytes(Map.of("object", "whatsapp_business_account",
                "entry", List.of(Map.of("id", "102290129340398",
                        "changes", List.of(Map.of("field", "messages", "value", value))))));
    }

    private List<JsonNode> sentToGraph() {
        return GRAPH.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().endsWith("/messages"))
                .map(e -> json.readTree(e.getRequest().getBodyAsString())).filter(Objects::nonNull).toList();
    }

    private static String newPhone() {
        return "49" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    private static String newPhoneNumberId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }
}
