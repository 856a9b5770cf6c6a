package dev.parley.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.channel.ChannelContract;
import dev.parley.conversation.AssistantMode;
import dev.parley.conversation.AuthorType;
import dev.parley.shared.ApiException;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Deliveries;
import dev.parley.conversation.DeliveryState;
import dev.parley.conversation.Inbox;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import dev.parley.conversation.UnreadableSubject;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailLimits;
import dev.parley.mail.MailParser;
import dev.parley.mail.MailUrl;
import dev.parley.mail.OutgoingMail;
import dev.parley.mail.ParsedMail;
import dev.parley.mail.SmtpMailer;
import jakarta.mail.internet.MimeMessage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email end to end against GreenMail's real SMTP and IMAP servers: the channel contract, threading both ways,
 * machine mail never answered, no duplicates after lost poll state, and a failing SMTP server shown as failed.
 */
@SpringBootTest(properties = {"parley.channels.delivery.max-attempts=2",
        "parley.channels.delivery.first-retry-after=1s", "parley.channels.delivery.retry-interval=1s"})
class EmailChannelTests implements ChannelContract {

    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final int CLOSED_PORT = 1;
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    static {
        MAIL.start();
        MAIL.setUser("support@acme.test", "support@acme.test", "s3cret");
        MAIL.setUser("broken@acme.test", "broken@acme.test", "s3cret");
    }

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        // a database of its own: the inboxes made here must not become other test classes' inboxes
        registry.add("parley.data-dir", () -> "target/test-email-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:email-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        int imap = MAIL.getImap().getPort();
        int smtp = MAIL.getSmtp().getPort();
        registry.add("parley.email.inboxes[0].name", () -> "Acme Support");
        registry.add("parley.email.inboxes[0].address", () -> "support@acme.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://support%40acme.test:s3cret@127.0.0.1:" + imap + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://support%40acme.test:s3cret@127.0.0.1:" + smtp);
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
        registry.add("parley.email.inboxes[1].name", () -> "Broken outbound");
        registry.add("parley.email.inboxes[1].address", () -> "broken@acme.test");
        registry.add("parley.email.inboxes[1].imap-url", () -> "imap://broken%40acme.test:s3cret@127.0.0.1:" + imap + "/INBOX");
        registry.add("parley.email.inboxes[1].smtp-url", () -> "smtp://127.0.0.1:" + CLOSED_PORT);
        registry.add("parley.email.inboxes[1].poll-interval", () -> "1s");
    }

    @Autowired
    Conversations conversations;
    @Autowired
    dev.parley.conversation.Attachments attachments;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
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
    Mailboxes mailboxes;

    private final SmtpMailer mailer = new SmtpMailer(Duration.ofSeconds(10));
    private final MailParser parser = new MailParser(MailLimits.defaults());
    private final Map<UUID, String> customerOf = new ConcurrentHashMap<>();

    @Override
    public String channelType() {
        return "email";
    }

    @Override
    public UUID customerStarts(String text) throws Exception {
        return mailFromNewCustomer("support@acme.test", "Question", text).conversationId();
    }

    @Override
    public void customerWritesAgain(UUID conversationId, String text) throws Exception {
        String customer = customerOf.get(conversationId);
        ParsedMail last = mailsTo(customer).getLast();
        List<String> references = new ArrayList<>(last.references());
        references.add(last.messageId());
        String quoted = text + "\n\nOn Thu, 3 Dec 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> "
                + last.text().replace("\n", "\n> ");
        mailer.send(smtp(), new OutgoingMail(new MailAddress("Ann", customer), List.of(new MailAddress(null,
                "support@acme.test")), "Re: " + last.subject(), quoted, null, "<" + UUID.randomUUID() + "@example.test>",
                last.messageId(), references, Map.of()));
    }

    @Override
    public List<String> receivedByCustomer(UUID conversationId) throws Exception {
        return mailsTo(customerOf.get(conversationId)).stream().map(ParsedMail::text).toList();
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
    void theAssistantsAnswerArrivesThreadedUnderTheCustomersMail() throws Exception {
        Started started = mailFromNewCustomer("support@acme.test", "Opening hours", "When are you open on Sunday?");

        await().atMost(WAIT).until(() -> !mailsTo(started.customer()).isEmpty());
        ParsedMail answer = mailsTo(started.customer()).getFirst();
        assertThat(answer.inReplyTo()).isEqualTo(started.messageId());
        assertThat(answer.references()).contains(started.messageId());
        assertThat(answer.subject()).startsWith("Re: Opening hours [#P-");
        assertThat(answer.from().address()).isEqualTo("support@acme.test");
        assertThat(answer.from().name()).isEqualTo("Acme Support");
    }

    @Test
    void aReplyIsStoredWithoutTheQuotedHistory() throws Exception {
        UUID id = customerStarts("My order " + UUID.randomUUID() + " has not arrived");
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Could you send the order number?", false);
        await().atMost(WAIT).until(() -> receivedByCustomer(id).stream().anyMatch(t -> t.contains("order number")));

        customerWritesAgain(id, "It is 1042.");

        await().atMost(WAIT).untilAsserted(() -> assertThat(conversations.transcript(id, 0, 100))
                .filteredOn(m -> m.authorType() == AuthorType.CUSTOMER).extracting(Message::text).last()
                .isEqualTo("It is 1042."));
    }

    @Test
    void aReplysFilesAreNamedInTheMail() throws Exception {
        UUID id = customerStarts("Return for order " + UUID.randomUUID());
        tx.executeWithoutResult(status -> {
            Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Here is your label.", false);
            attachments.attach(reply.id(), new dev.parley.conversation.InboundAttachment("return-label.pdf",
                    "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()), 1);
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedByCustomer(id))
                .anySatisfy(t -> assertThat(t).contains("Here is your label.").contains("return-label.pdf")));
    }

    @Test
    void aReplyToAConversationThatCannotBeDecryptedStartsOneNewConversationThatTheNextReplyJoins() throws Exception {
        UUID first = customerStarts("Where is parcel " + UUID.randomUUID() + "?");
        conversations.postReply(first, AuthorType.AGENT, null, "Grace", "Could you send the tracking number?", false);
        await().atMost(WAIT).until(() -> receivedByCustomer(first).stream().anyMatch(t -> t.contains("tracking")));
        String second = "It is TRK-" + UUID.randomUUID();
        String third = "Any news on TRK-" + UUID.randomUUID() + "?";

        try (var lost = UnreadableSubject.of(jdbc, first)) {
            customerWritesAgain(first, second);
            UUID next = await().atMost(WAIT).until(() -> conversationWith(second), found -> found != null);
            customerOf.put(next, customerOf.get(first));
            customerWritesAgain(first, third);

            assertThat(next).isNotEqualTo(first);
            await().atMost(WAIT).untilAsserted(() -> assertThat(conversations.transcript(next, 0, 100))
                    .filteredOn(m -> m.authorType() == AuthorType.CUSTOMER).extracting(Message::text)
                    .containsExactly(second, third));
        }
        assertThat(conversations.transcript(first, 0, 100)).filteredOn(m -> m.authorType() == AuthorType.CUSTOMER)
                .hasSize(1);
    }

    private UUID conversationWith(String text) {
        return queries.find(ConversationFilter.all().withText(text), 0, 5).items().stream()
                .map(s -> s.conversation().id()).findFirst().orElse(null);
    }

    @Test
    void anAutomaticReplyIsNeverAnswered() throws Exception {
        String customer = "ooo" + CUSTOMERS.incrementAndGet() + "@example.test";
        String marker = "Out of office " + UUID.randomUUID();
        mailer.send(smtp(), new OutgoingMail(new MailAddress(null, customer), List.of(new MailAddress(null,
                "support@acme.test")), "Automatic reply: hello", marker, null, null, null, List.of(),
                Map.of("Auto-Submitted", "auto-replied")));
        long uidBefore = lastUid("support@acme.test");

        await().atMost(WAIT).until(() -> lastUid("support@acme.test") > uidBefore);

        assertThat(queries.count(ConversationFilter.all().withText(marker))).isZero();
        assertThat(mailsTo(customer)).isEmpty();
    }

    @Test
    void lostPollStateCreatesNoDuplicate() throws Exception {
        String text = "Duplicate check " + UUID.randomUUID();
        UUID id = customerStarts(text);
        long messages = conversations.transcript(id, 0, 100).size();
        long uid = lastUid("support@acme.test");

        jdbc.sql("UPDATE email_mailbox SET last_uid = 0 WHERE inbox_id = :id")
                .param("id", inbox("support@acme.test").id()).update();
        await().atMost(WAIT).until(() -> lastUid("support@acme.test") >= uid);

        assertThat(queries.count(ConversationFilter.all().withText(text))).isEqualTo(1);
        assertThat(conversations.transcript(id, 0, 100).stream()
                .filter(m -> m.authorType() == AuthorType.CUSTOMER)).hasSize(1);
        assertThat(conversations.transcript(id, 0, 100)).hasSizeGreaterThanOrEqualTo((int) messages);
    }

    @Test
    void aFailingMailServerIsRetriedThenShownAsFailed() throws Exception {
        UUID id = mailFromNewCustomer("broken@acme.test", "Help", "Anyone there " + UUID.randomUUID() + "?")
                .conversationId();
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Yes, we are here.", false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(deliveries.find(reply.id())).hasValueSatisfying(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).isNotBlank();
        }));
    }

    @Test
    void anInboxAddedByAnAdminKeepsItsPasswordsEncryptedAndRefusesBadUrls() {
        String address = "sales" + CUSTOMERS.incrementAndGet() + "@acme.test";
        Inbox inbox = mailboxes.create("Sales", address, "imap://sales%40acme.test:top%2Fsecret@127.0.0.1:"
                        + MAIL.getImap().getPort() + "/INBOX", "smtp://sales%40acme.test:top%2Fsecret@127.0.0.1:"
                        + MAIL.getSmtp().getPort(), Duration.ofMinutes(5), AssistantMode.DRAFT);

        String storedImap = jdbc.sql("SELECT imap_url FROM email_mailbox WHERE inbox_id = :id")
                .param("id", inbox.id()).query(String.class).single();
        assertThat(storedImap).startsWith("enc:v1:").doesNotContain("secret");
        assertThat(mailboxes.find(inbox.id()).orElseThrow().imap().password()).isEqualTo("top/secret");
        assertThat(inboxes.get(inbox.id()).assistantMode()).isEqualTo(AssistantMode.DRAFT);
        assertThatThrownBy(() -> mailboxes.create("Bad", "bad@acme.test", "http://mail.example", "smtp://x",
                Duration.ofMinutes(1), null)).isInstanceOf(ApiException.class).hasMessageContaining("imap");
        assertThatThrownBy(() -> mailboxes.create("Twice", address, "imap://a@b", "smtp://a@b",
                Duration.ofMinutes(1), null)).isInstanceOf(ApiException.class);
    }

    @Test
    void aMailboxWhoseSettingsCannotBeOpenedIsSkippedNotFatal() {
        String address = "gone" + CUSTOMERS.incrementAndGet() + "@acme.test";
        Inbox inbox = mailboxes.create("Gone", address, "imap://gone%40acme.test:pw@127.0.0.1:1/INBOX",
                "smtp://127.0.0.1:1", Duration.ofMinutes(5), null);
        jdbc.sql("UPDATE email_mailbox SET imap_url = 'enc:v1:k-lost:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'"
                + " WHERE inbox_id = :id").param("id", inbox.id()).update();

        assertThat(mailboxes.active()).extracting(m -> m.inbox().id()).doesNotContain(inbox.id())
                .contains(inbox("support@acme.test").id());
        assertThat(mailboxes.states()).filteredOn(s -> s.inboxId().equals(inbox.id())).singleElement()
                .satisfies(s -> assertThat(s.lastError()).contains("cannot be read"));
    }

    private Started mailFromNewCustomer(String to, String subject, String text) throws Exception {
        String customer = "customer" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@example.test";
        String messageId = "<" + UUID.randomUUID() + "@example.test>";
        mailer.send(smtp(), new OutgoingMail(new MailAddress("Ann Customer", customer), List.of(new MailAddress(null, to)),
                subject, text, null, messageId, null, List.of(), Map.of()));
        UUID inboxId = inbox(to).id();
        UUID id = await().atMost(WAIT).until(() -> queries.find(ConversationFilter.all().withInbox(inboxId)
                        .withText(text), 0, 5).items().stream().map(s -> s.conversation().id()).findFirst().orElse(null),
                found -> found != null);
        customerOf.put(id, customer);
        return new Started(id, customer, messageId);
    }

    private List<ParsedMail> mailsTo(String customer) throws Exception {
        List<ParsedMail> mails = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients() != null && java.util.Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(customer))) {
                mails.add(parser.parse(GreenMailUtil.getWholeMessage(message).getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
        }
        return mails;
    }

    private Inbox inbox(String address) {
        return inboxes.byAddress("email", address).orElseThrow();
    }

    private long lastUid(String address) {
        return jdbc.sql("SELECT last_uid FROM email_mailbox WHERE inbox_id = :id").param("id", inbox(address).id())
                .query(Long.class).single();
    }

    private static MailUrl smtp() {
        return MailUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort());
    }

    private record Started(UUID conversationId, String customer, String messageId) {
    }
}
