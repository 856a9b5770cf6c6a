package dev.parley.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.Inboxes;
import dev.parley.conversation.Message;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.Reader;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.UnreadableSubject;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailLimits;
import dev.parley.mail.MailParser;
import dev.parley.mail.MailUrl;
import dev.parley.mail.OutgoingMail;
import dev.parley.mail.ParsedMail;
import dev.parley.mail.SmtpMailer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chat continuity against GreenMail: a chat reply the customer has not read for email-after is mailed once,
 * threaded; a reply they read is not; their answer by mail lands in the same chat conversation.
 */
@SpringBootTest(properties = {"parley.widget.email-after=1s", "parley.widget.email-check-interval=1s"})
class ChatFollowUpTests {

    static final GreenMail MAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final Duration WAIT = Duration.ofSeconds(30);

    static {
        MAIL.start();
        MAIL.setUser("help@acme.test", "help@acme.test", "s3cret");
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        int imap = MAIL.getImap().getPort();
        int smtp = MAIL.getSmtp().getPort();
        registry.add("parley.email.inboxes[0].name", () -> "Acme Help");
        registry.add("parley.email.inboxes[0].address", () -> "help@acme.test");
        registry.add("parley.email.inboxes[0].imap-url", () -> "imap://help%40acme.test:s3cret@127.0.0.1:" + imap + "/INBOX");
        registry.add("parley.email.inboxes[0].smtp-url", () -> "smtp://help%40acme.test:s3cret@127.0.0.1:" + smtp);
        registry.add("parley.email.inboxes[0].poll-interval", () -> "1s");
    }

    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    private final MailParser parser = new MailParser(MailLimits.defaults());

    @Test
    void anUnreadChatReplyIsMailedOnceAndTheNextOneThreadsUnderIt() throws Exception {
        String email = customer();
        UUID id = chat(email);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Your tent is on its way.", false);

        await().atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
        ParsedMail first = mailsTo(email).getFirst();
        assertThat(first.from().address()).isEqualTo("help@acme.test");
        assertThat(first.subject()).contains("[#P-" + id.toString().substring(0, 8) + "]");
        assertThat(first.messageId()).endsWith("@acme.test>");
        assertThat(first.text()).contains("Grace:", "Your tent is on its way.", FollowUpMail.CONTINUE_LINE);
        assertThat(conversations.threadKeys(id)).contains(first.messageId());

        Thread.sleep(3000);
        assertThat(mailsTo(email)).hasSize(1);

        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "It arrives on Monday.", false);
        await().atMost(WAIT).until(() -> mailsTo(email).size() == 2);
        ParsedMail second = mailsTo(email).get(1);
        assertThat(second.text()).contains("It arrives on Monday.").doesNotContain("Your tent is on its way.");
        assertThat(second.inReplyTo()).isEqualTo(first.messageId());
        assertThat(second.references()).contains(first.messageId());
    }

    @Test
    void aConversationThatCannotBeReadDoesNotHoldUpTheFollowUpsOfOthers() throws Exception {
        UUID broken = chat(customer());
        conversations.postReply(broken, AuthorType.AGENT, null, "Grace", "Never mailed.", false);
        // A sealed subject whose key id is missing: reading the conversation fails every time.
        try (var unreadable = UnreadableSubject.of(jdbc, broken)) {
            Thread.sleep(1500); // its follow-up falls due first
            String email = customer();
            UUID healthy = chat(email);
            conversations.postReply(healthy, AuthorType.AGENT, null, "Grace", "Your refund is on its way.", false);

            await().atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
            assertThat(mailsTo(email).getFirst().text()).contains("Your refund is on its way.");
        } finally {
            jdbc.sql("DELETE FROM widget_email_followup WHERE conversation_id = :id").param("id", broken).update();
        }
    }

    @Test
    void aReplyTheCustomerReadIsNotMailed() throws Exception {
        String email = customer();
        UUID id = chat(email);
        Message reply = conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Seen in the chat.", false);
        conversations.markRead(id, Reader.CUSTOMER, reply.seq());

        Thread.sleep(4000);
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void aClosedConversationIsNotMailed() throws Exception {
        String email = customer();
        UUID id = chat(email);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Closing this now.", false);
        conversations.changeStatus(id, ConversationStatus.RESOLVED);
        conversations.changeStatus(id, ConversationStatus.CLOSED);

        Thread.sleep(4000);
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void theCustomersAnswerByMailLandsInTheSameChat() throws Exception {
        String email = customer();
        UUID id = chat(email);
        conversations.postReply(id, AuthorType.AGENT, null, "Grace", "Which size do you need?", false);
        await().atMost(WAIT).until(() -> !mailsTo(email).isEmpty());
        ParsedMail followUp = mailsTo(email).getFirst();

        String answer = "Size L please " + UUID.randomUUID();
        new SmtpMailer(Duration.ofSeconds(10)).send(MailUrl.parse("smtp://127.0.0.1:" + MAIL.getSmtp().getPort()),
                new OutgoingMail(new MailAddress("Sam", email), List.of(new MailAddress(null, "help@acme.test")),
                        "Re: " + followUp.subject(), answer + "\n\n> " + followUp.text().replace("\n", "\n> "), null,
                        "<" + UUID.randomUUID() + "@example.test>", followUp.messageId(), List.of(followUp.messageId()),
                        Map.of()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(conversations.transcript(id, 0, 100))
                .filteredOn(m -> m.authorType() == AuthorType.CUSTOMER).extracting(Message::text).contains(answer));
        assertThat(conversations.get(id).inboxId()).isEqualTo(Inboxes.WEBSITE_CHAT);
    }

    private UUID chat(String email) {
        return conversations.start(new NewConversation("web", new Customer("Sam", email, null), SourceDetails.none(),
                null)).conversation().id();
    }

    private static String customer() {
        return "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private List<ParsedMail> mailsTo(String customer) throws Exception {
        List<ParsedMail> mails = new ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().contains(customer))) {
                mails.add(parser.parse(GreenMailUtil.getWholeMessage(message).getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return mails;
    }
}
