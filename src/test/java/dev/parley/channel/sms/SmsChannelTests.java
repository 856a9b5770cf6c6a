package dev.parley.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.twilio.security.RequestValidator;
import dev.parley.channel.ChannelContract;
import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.ConversationSummary;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import dev.parley.identity.AgentPrincipal;
import dev.parley.identity.Agents;
import dev.parley.identity.Role;
import dev.parley.identity.TestAgents;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The SMS channel against a WireMock server speaking Twilio's REST API: the channel contract, signed webhooks
 * (signatures made by our code and checked by the Twilio SDK's own validator), STOP/START/HELP, long answers split
 * into plain-text parts, and status callbacks turning a delivery failed.
 */
@SpringBootTest(properties = {"parley.sms.public-base-url=https://sms.parley.example/",
        "parley.channels.delivery.max-attempts=2", "parley.channels.delivery.first-retry-after=1s",
        "parley.channels.delivery.retry-interval=1s",
        "parley.sms.inboxes[0].name=Configured SMS", "parley.sms.inboxes[0].phone-number=+15550001111",
        "parley.sms.inboxes[0].account-sid=ACconfigured", "parley.sms.inboxes[0].auth-token=configured-token",
        "parley.sms.inboxes[0].assistant-mode=DRAFT"})
@AutoConfigureMockMvc
class SmsChannelTests implements ChannelContract {

    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort().globalTemplating(true));
    static final String PUBLIC = "https://sms.parley.example";

    static {
        TWILIO.start();
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("parley.sms.twilio-base-url", TWILIO::baseUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SmsInboxes smsInboxes;
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
    Agents agents;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Inbox inbox;
    private String accountSid;
    private String authToken;
    private final Map<UUID, String> phoneOf = new ConcurrentHashMap<>();

    @BeforeEach
    void createInbox() {
        TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(5)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")));
        TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B15559990400"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number +15559990400 is not a valid phone "
                                + "number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        TWILIO.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages.json")).atPriority(1)
                .withRequestBody(containing("To=%2B15559990503"))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        inbox = newInbox(null);
    }

    private Inbox newInbox(AssistantMode mode) {
        accountSid = "AC" + HexFormat.of().formatHex(randomBytes(16));
        authToken = HexFormat.of().formatHex(randomBytes(16));
        return smsInboxes.create("SMS " + UUID.randomUUID(), randomNumber(), accountSid, authToken, mode);
    }

    @Override
    public String channelType() {
        return "sms";
    }

    @Override
    public UUID customerStarts(String text) throws Exception {
        String phone = randomNumber();
        incoming(inbox, phone, text, "SM" + UUID.randomUUID().toString().replace("-", ""))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML));
        UUID id = conversationWith(inbox, text).orElseThrow();
        phoneOf.put(id, phone);
        return id;
    }

    @Override
    public void customerWritesAgain(UUID conversationId, String text) throws Exception {
        incoming(inbox, phoneOf.get(conversationId), text, "SM" + UUID.randomUUID().toString().replace("-", ""))
                .andExpect(status().isOk());
    }

    @Override
    public List<String> receivedByCustomer(UUID conversationId) {
        return sentTo(phoneOf.get(conversationId));
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
    void aBadOrMissingSignatureIsRefusedAndNothingIsStored() throws Exception {
        String text = "Should not be stored " + UUID.randomUUID();
        Map<String, String> params = params(randomNumber(), text, "SMforged");

        mvc.perform(form(url(inbox, "messages"), params).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(form(url(inbox, "messages"), params)).andExpect(status().isForbidden());
        String otherToken = TwilioSignatures.sign("another token", PUBLIC + url(inbox, "messages"), multi(params));
        mvc.perform(form(url(inbox, "messages"), params).header("X-Twilio-Signature", otherToken))
                .andExpect(status().isForbidden());
        String otherUrl = TwilioSignatures.sign(authToken, "https://evil.example" + url(inbox, "messages"), multi(params));
        mvc.perform(form(url(inbox, "messages"), params).header("X-Twilio-Signature", otherUrl))
                .andExpect(status().isForbidden());

        assertThat(queries.count(ConversationFilter.all().withText(text))).isZero();
    }

    @Test
    void theSignatureIsTwiliosAsTheOfficialValidatorComputesIt() {
        Map<String, String> params = params("+14155550100", "Hello & welcome – ünïcode ✓", "SMabc");
        params.put("NumMedia", "0");
        String url = PUBLIC + "/api/v1/channels/twilio/" + inbox.id() + "/messages";
        String signature = TwilioSignatures.sign(authToken, url, multi(params));

        assertThat(new RequestValidator(authToken).validate(url, params, signature)).isTrue();
        assertThat(new RequestValidator("wrong").validate(url, params, signature)).isFalse();
        assertThat(TwilioSignatures.valid(authToken, url, multi(params), signature)).isTrue();
        params.put("Body", "tampered");
        assertThat(TwilioSignatures.valid(authToken, url, multi(params), signature)).isFalse();
    }

    @Test
    void twilioRetryingTheSameMessageStoresItOnce() throws Exception {
        String phone = randomNumber();
        String text = "Retried by Twilio " + UUID.randomUUID();
        incoming(inbox, phone, text, "SMsame1").andExpect(status().isOk());
        incoming(inbox, phone, text, "SMsame1").andExpect(status().isOk());

        assertThat(queries.count(ConversationFilter.all().withText(text))).isEqualTo(1);
        UUID id = conversationWith(inbox, text).orElseThrow();
        assertThat(conversations.transcript(id, 0, 100)).filteredOn(m -> m.text().contains(text)).hasSize(1);
    }

    @Test
    void aNumberThatOptedOutBeforeItsRowWasSealedStaysOptedOutUntilStart() {
        String phone = randomNumber();
        jdbc.sql("INSERT INTO sms_opt_out (inbox_id, phone_number, phone_sealed, opted_out_at) VALUES (:id, :p, :p, :at)")
                .param("id", inbox.id()).param("p", phone).param("at", java.time.OffsetDateTime.now()).update();

        assertThat(smsInboxes.optedOut(inbox.id(), phone)).isTrue();
        smsInboxes.optOut(inbox.id(), phone);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sms_opt_out WHERE inbox_id = :id").param("id", inbox.id())
                .query(Long.class).single()).isEqualTo(1);
        smsInboxes.optIn(inbox.id(), phone);
        assertThat(smsInboxes.optedOut(inbox.id(), phone)).isFalse();
    }

    @Test
    void stopOptsTheNumberOutUntilStartAndHelpAnswers() throws Exception {
        inbox = newInbox(AssistantMode.OFF);
        UUID id = customerStarts("I have a question " + UUID.randomUUID());
        String phone = phoneOf.get(id);
        int before = conversations.transcript(id, 0, 100).size();

        incoming(inbox, phone, " stop ", "SM" + UUID.randomUUID().toString().replace("-", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsNoMessage()));
        Message blocked = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Still there? " + UUID.randomUUID(), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(blocked.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.lastError()).contains(SmsChannel.OPTED_OUT);
        }));
        assertThat(sentTo(phone)).isEmpty();
        assertThat(conversations.transcript(id, 0, 100)).noneMatch(m -> m.authorType() == AuthorType.CUSTOMER
                && m.text().strip().equalsIgnoreCase("stop"));
        assertThat(jdbc.sql("SELECT phone_number, phone_sealed FROM sms_opt_out WHERE inbox_id = :id")
                .param("id", inbox.id()).query().listOfRows()).as("the number is kept sealed and hashed")
                .singleElement().satisfies(row -> assertThat(row.values()).noneMatch(v -> v.toString().contains(phone)));

        String help = incoming(inbox, phone, "HELP", "SM" + UUID.randomUUID().toString().replace("-", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(help).contains("<Message>").contains("STOP");

        incoming(inbox, phone, "Start", "SM" + UUID.randomUUID().toString().replace("-", ""))
                .andExpect(status().isOk());
        String text = "Welcome back " + UUID.randomUUID();
        Message allowed = conversations.postReply(id, AuthorType.AGENT, null, "Grace", text, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(allowed.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        assertThat(sentTo(phone)).containsExactly(text);
        assertThat(conversations.transcript(id, 0, 100)).hasSize(before + 2);
    }

    @Test
    void aLongAnswerIsSentAsSeveralPlainTextParts() throws Exception {
        UUID id = customerStarts("Tell me everything " + UUID.randomUUID());
        String marker = "Marker-" + UUID.randomUUID();
        StringBuilder markdown = new StringBuilder("## Your options\n\n" + marker + " **Important:** read the "
                + "[returns policy](https://shop.example/returns) first.\n\n");
        int n = 0;
        while (markdown.length() < 3500) {
            markdown.append("- Step ").append(++n).append(": open *Settings* and press `Save`, then check the ")
                    .append("[order page](https://shop.example/orders/").append(n).append("). It should work now. ");
        }
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", markdown.toString(), false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        // the assistant's deferred answer to the first message may be sent in between: keep this reply's parts
        List<String> parts = sentTo(phoneOf.get(id)).stream().dropWhile(t -> !t.contains(marker))
                .filter(t -> t.contains(marker) || t.contains("Step ")).toList();
        assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(1600);
            assertThat(p).doesNotContain("**", "](", "##", "`", "*Settings*");
        });
        assertThat(parts.getFirst()).startsWith("Your options").contains("Important: read the returns policy "
                + "(https://shop.example/returns) first.");
        assertThat(parts).allSatisfy(p -> assertThat(p).matches("(?s).*[.:]$"));
        assertThat(String.join(" ", parts)).contains("order page (https://shop.example/orders/" + n + ")");
        assertThat(deliveries.find(reply.id()).orElseThrow().externalId()).startsWith("SM");
    }

    @Test
    void statusCallbacksMarkTheDeliveryDeliveredOrFailedWithTheErrorCode() throws Exception {
        UUID id = customerStarts("Text me " + UUID.randomUUID());
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "On it " + UUID.randomUUID(), false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        String sid = deliveries.find(reply.id()).orElseThrow().externalId();

        statusCallback(inbox, sid, "sent", null).andExpect(status().is2xxSuccessful());
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        statusCallback(inbox, sid, "delivered", null).andExpect(status().is2xxSuccessful());
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        statusCallback(inbox, sid, "sent", null).andExpect(status().is2xxSuccessful()); // late, out of order
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);

        Map<String, String> forged = new LinkedHashMap<>(Map.of("MessageSid", sid, "MessageStatus", "failed"));
        mvc.perform(form(url(inbox, "status"), forged).header("X-Twilio-Signature", "forged"))
                .andExpect(status().isForbidden());
        assertThat(deliveries.find(reply.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);

        statusCallback(inbox, sid, "undelivered", "30003").andExpect(status().is2xxSuccessful());
        assertThat(deliveries.find(reply.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.lastError()).contains("30003").contains("undelivered");
        });
    }

    @Test
    void twiliosRefusalFailsForGoodAndItsOutageIsRetried() throws Exception {
        inbox = newInbox(AssistantMode.OFF);
        double failedBefore = deliveryAttempts("failure");
        String invalid = "+15559990400";
        String first = "Hi " + UUID.randomUUID();
        incoming(inbox, invalid, first, "SM" + UUID.randomUUID().toString().replace("-", ""));
        UUID refusedId = conversationWith(inbox, first).orElseThrow();
        Message refused = conversations.postReply(refusedId, AuthorType.AGENT, null, "Grace", "Hello", false);
        String down = "+15559990503";
        String second = "Hi " + UUID.randomUUID();
        incoming(inbox, down, second, "SM" + UUID.randomUUID().toString().replace("-", ""));
        UUID downId = conversationWith(inbox, second).orElseThrow();
        Message retried = conversations.postReply(downId, AuthorType.AGENT, null, "Grace", "Hello", false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(refused.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("21211").contains("is not a valid phone number");
        }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(retried.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).contains("503");
        }));
        // each failed attempt is counted for the ParleyDeliveryFailing alert: the refusal once, the outage twice
        assertThat(deliveryAttempts("failure")).isGreaterThanOrEqualTo(failedBefore + 3);
    }

    @Test
    void inboxesFromPropertiesExistWithTheirAccount() {
        Inbox configured = inboxes.byAddress("sms", "+15550001111").orElseThrow();
        assertThat(configured.name()).isEqualTo("Configured SMS");
        assertThat(configured.assistantMode()).isEqualTo(AssistantMode.DRAFT);
        assertThat(smsInboxes.account(configured.id())).hasValueSatisfying(a -> {
            assertThat(a.accountSid()).isEqualTo("ACconfigured");
            assertThat(a.authToken()).isEqualTo("configured-token");
        });
    }

    @Test
    void adminsAddAnInboxAndAreToldTheWebhookUrls() throws Exception {
        String number = randomNumber();
        String body = "{\"name\":\"Sales SMS\",\"phoneNumber\":\"" + number + "\",\"accountSid\":\"ACadmin\","
                + "\"authToken\":\"secret-token\",\"assistantMode\":\"DRAFT\"}";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/sms-inboxes").with(user(admin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phoneNumber").value(number))
                .andExpect(jsonPath("$.messagesWebhookUrl").value(org.hamcrest.Matchers.startsWith(PUBLIC + "/api/v1/channels/twilio/")))
                .andExpect(jsonPath("$.authToken").doesNotExist());
        Inbox created = inboxes.byAddress("sms", number).orElseThrow();
        assertThat(created.assistantMode()).isEqualTo(AssistantMode.DRAFT);
        assertThat(smsInboxes.account(created.id()).orElseThrow().authToken()).isEqualTo("secret-token");

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/sms-inboxes").with(user(admin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(number, "0123")))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/sms-inboxes").with(user(admin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());
        AgentPrincipal agent = TestAgents.principal(TestAgents.create(agents, Role.AGENT));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/admin/sms-inboxes").with(user(agent)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace(number, randomNumber())))
                .andExpect(status().isForbidden());
    }

    private AgentPrincipal admin() {
        return TestAgents.principal(TestAgents.create(agents, Role.ADMIN));
    }

    // --- the customer's side: Twilio's webhooks and what Twilio was asked to send ---

    private ResultActions incoming(Inbox target, String from, String body, String sid) throws Exception {
        Map<String, String> params = params(from, body, sid);
        params.put("To", target.address());
        return signed(target, "messages", params);
    }

    private ResultActions statusCallback(Inbox target, String sid, String status, String errorCode) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", accountSid);
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        return signed(target, "status", params);
    }

    /** Signs as Twilio does, and proves the signature with the Twilio SDK's validator before sending it. */
    private ResultActions signed(Inbox target, String kind, Map<String, String> params) throws Exception {
        String token = smsInboxes.account(target.id()).orElseThrow().authToken();
        String full = PUBLIC + url(target, kind);
        String signature = TwilioSignatures.sign(token, full, multi(params));
        assertThat(new RequestValidator(token).validate(full, params, signature)).isTrue();
        return mvc.perform(form(url(target, kind), params).header("X-Twilio-Signature", signature));
    }

    private Map<String, String> params(String from, String body, String sid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("MessageSid", sid);
        params.put("AccountSid", accountSid);
        params.put("From", from);
        params.put("To", inbox.address());
        params.put("Body", body);
        params.put("NumSegments", "1");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static MockHttpServletRequestBuilder form(String url, Map<String, String> params) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach(request::param);
        return request;
    }

    private static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }

    private static String url(Inbox target, String kind) {
        return "/api/v1/channels/twilio/" + target.id() + "/" + kind;
    }

    private java.util.Optional<UUID> conversationWith(Inbox target, String text) {
        return queries.find(ConversationFilter.all().withInbox(target.id()).withText(text), 0, 5).items().stream()
                .map(ConversationSummary::conversation).map(c -> c.id()).findFirst();
    }

    /** The Body of every message Twilio was asked to send to this number, oldest first. */
    private static List<String> sentTo(String phone) {
        List<ServeEvent> events = new ArrayList<>(TWILIO.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().filter(e -> e.getRequest().getUrl().endsWith("/Messages.json"))
                .map(e -> formOf(e.getRequest().getBodyAsString()))
                .filter(f -> phone != null && phone.equals(f.get("To"))).map(f -> f.get("Body")).toList();
    }

    private static Map<String, String> formOf(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static org.hamcrest.Matcher<String> containsNoMessage() {
        return org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<Message>"));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String randomNumber() {
        return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
    }
}
