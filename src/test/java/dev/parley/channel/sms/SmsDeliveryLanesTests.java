package dev.parley.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.InboundMessage;
import dev.parley.conversation.InboundMessages;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Message;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replies leave by SMS on lanes of their own (one per conversation), against a WireMock server speaking Twilio's
 * REST API: a provider that hangs until its timeout holds up neither the module listeners nor other conversations,
 * one conversation's replies leave in the order they were written, and a delivery whose node died before its first
 * attempt is picked up by the retries.
 */
@SpringBootTest(properties = {"parley.sms.timeout=60s", "parley.channels.delivery.retry-interval=1s"})
class SmsDeliveryLanesTests {

    static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort().containerThreads(40).globalTemplating(true));
    static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages.json";

    static {
        TWILIO.start();
    }

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("parley.sms.twilio-base-url", TWILIO::baseUrl);
    }

    @AfterAll
    static void stop() {
        TWILIO.stop();
    }

    @Autowired
    SmsInboxes smsInboxes;
    @Autowired
    InboundMessages inbound;
    @Autowired
    Conversations conversations;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;

    private Inbox inbox;

    @BeforeEach
    void twilioAnswers() {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathMatching(MESSAGES)).atPriority(5).willReturn(created()));
        TWILIO.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1).withRequestBody(containing("HANGS"))
                .willReturn(created().withFixedDelay(30_000)));
        TWILIO.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1).withRequestBody(containing("SLOW"))
                .willReturn(created().withFixedDelay(1_000)));
        inbox = smsInboxes.create("SMS " + UUID.randomUUID(), randomNumber(), "AC" + hex(16), hex(16),
                AssistantMode.OFF);
    }

    @Test
    void aProviderThatNeverAnswersHoldsUpNoOtherConversationsReply() {
        // more hung calls than module-listener threads (6): each used to hold one until Twilio's timeout
        for (int i = 0; i < 8; i++) {
            conversations.postReply(customerStarts(), AuthorType.AGENT, null, "Grace", "HANGS " + i, false);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sentBodies().stream().filter(b -> b.contains("HANGS")).count() == 8);

        Message other = conversations.postReply(customerStarts(), AuthorType.AGENT, null, "Grace",
                "Your parcel left today " + UUID.randomUUID(), false);

        await().alias("the other conversation's reply is sent while eight calls hang")
                .atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveries.find(other.id()))
                        .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
    }

    @Test
    void oneConversationsRepliesLeaveOneAfterAnotherInTheOrderTheyWereWritten() {
        UUID id = customerStarts();
        Message first = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "SLOW first part", false);
        Message second = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "second part", false);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(deliveries.find(first.id())).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
            assertThat(deliveries.find(second.id())).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT));
        });
        List<ServeEvent> calls = new ArrayList<>(TWILIO.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("part")).toList());
        calls.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        assertThat(calls).extracting(e -> e.getRequest().getBodyAsString().contains("SLOW"))
                .as("the first reply is asked for first").containsExactly(true, false);
        assertThat(calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime())
                .as("the second is asked for once the first is answered (it takes a second)").isGreaterThanOrEqualTo(900);
    }

    @Test
    void aDeliveryWhoseNodeStoppedBeforeItsFirstAttemptIsSentByTheRetries() {
        UUID id = customerStarts();
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Anything else? " + UUID.randomUUID(), false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));

        // as a node leaves it that wrote the delivery and stopped before its lane claimed it, two minutes ago
        jdbc.sql("""
                UPDATE message_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = NULL, external_id = NULL,
                    created_at = :before WHERE message_id = :m""")
                .param("before", OffsetDateTime.now().minusMinutes(2)).param("m", reply.id()).update();

        await().alias("the retries find it and send it again").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries.find(reply.id()))
                        .hasValueSatisfying(d -> assertThat(d.state()).isEqualTo(DeliveryState.SENT)));
        assertThat(sentBodies()).filteredOn(b -> b.contains(reply.text())).hasSize(2);
    }

    private UUID customerStarts() {
        String phone = randomNumber();
        return inbound.receive(new InboundMessage(inbox.id(), List.of(new ContactHandle(ContactHandle.Kind.PHONE, phone)),
                null, "twilio:SM" + hex(16), List.of(SmsChannel.THREAD_PREFIX + phone), null, null,
                "Where is my order?", List.of(), null)).conversation().id();
    }

    private static List<String> sentBodies() {
        return TWILIO.getAllServeEvents().stream().map(e -> java.net.URLDecoder.decode(e.getRequest().getBodyAsString(),
                java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String randomNumber() {
        return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
    }
}
