package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending against GreenMail's real SMTP server (on free ports: other test runs may share the machine). */
class SmtpMailerTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@acme.test", "support", "s3cret"));

    private final SmtpMailer mailer = new SmtpMailer(Duration.ofSeconds(10));
    private final MailAddress support = new MailAddress("Acme Support", "support@acme.test");
    private final MailAddress ann = new MailAddress("Ann Smith", "ann@example.test");

    private MailUrl smtp() {
        return MailUrl.parse("smtp://support:s3cret@127.0.0.1:" + greenMail.getSmtp().getPort());
    }

    @Test
    void deliversTextAndHtmlWithTheGivenThreadingHeaders() throws Exception {
        var mail = new OutgoingMail(support, List.of(ann), "Re: Refund for order 1042", "Your refund is on its way.",
                "<p>Your refund is <b>on its way</b>.</p>", "<reply-7@acme.test>", "<cust-1@example.test>",
                List.of("<first@example.test>", "<cust-1@example.test>"), Map.of("Auto-Submitted", "auto-replied"));

        String id = mailer.send(smtp(), mail);

        assertThat(id).isEqualTo("<reply-7@acme.test>");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo("<reply-7@acme.test>");
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<cust-1@example.test>");
        assertThat(received.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<first@example.test> <cust-1@example.test>");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        var from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Acme Support");
        assertThat(from.getAddress()).isEqualTo("support@acme.test");
        assertThat(received.getSubject()).isEqualTo("Re: Refund for order 1042");
        var parts = (Multipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Your refund is on its way.");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("<b>on its way</b>");
    }

    @Test
    void keepsUmlautsAccentsAndEmojiInSubjectAndBody() throws Exception {
        String text = "Grüße aus Köln, café crème ☕ and a rocket 🚀";
        mailer.send(smtp(), OutgoingMail.text(support, ann, "Über das Café 🚀", text));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Über das Café 🚀");
        assertThat(received.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(received.getContent().toString()).isEqualTo(text);
    }

    @Test
    void generatesAMessageIdAtTheSendersDomainWhenNoneIsGiven() throws Exception {
        String id = mailer.send(smtp(), OutgoingMail.text(support, ann, "Hello", "Hi"));

        assertThat(id).matches("<[0-9a-f-]{36}@acme\\.test>");
        assertThat(greenMail.getReceivedMessages()[0].getMessageID()).isEqualTo(id);
    }

    @Test
    void aServerThatIsNotListeningIsATransientFailureReportedQuickly() throws IOException {
        int closedPort;
        try (var probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> new SmtpMailer(Duration.ofSeconds(30))
                .send(MailUrl.parse("smtp://127.0.0.1:" + closedPort), OutgoingMail.text(support, ann, "Hi", "Hi")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void wrongCredentialsAreRejectedPermanentlyWithoutTheirPassword() {
        var wrong = MailUrl.parse("smtp://support:not-it@127.0.0.1:" + greenMail.getSmtp().getPort());

        assertThatThrownBy(() -> mailer.send(wrong, OutgoingMail.text(support, ann, "Hi", "Hi")))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("535")
                .hasMessageContaining("authentication")
                .message().doesNotContain("not-it");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRecipientRefusedWithA5xxReplyIsPermanent() throws IOException {
        try (var server = new ScriptedSmtpServer("550 5.1.1 <ann@example.test>: mailbox unavailable")) {
            assertThatThrownBy(() -> mailer.send(MailUrl.parse("smtp://127.0.0.1:" + server.port()),
                    OutgoingMail.text(support, ann, "Hi", "Hi")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                    .hasMessageContaining("mailbox unavailable");
        }
    }

    @Test
    void aRecipientDeferredWithA4xxReplyIsTransient() throws IOException {
        try (var server = new ScriptedSmtpServer("451 4.7.1 greylisted, try again in 5 minutes")) {
            assertThatThrownBy(() -> mailer.send(MailUrl.parse("smtp://127.0.0.1:" + server.port()),
                    OutgoingMail.text(support, ann, "Hi", "Hi")))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> assertThat(e.permanent()).isFalse())
                    .hasMessageContaining("greylisted");
        }
    }

    @Test
    void refusesAnSmtpUrlThatIsNotOne() {
        assertThatThrownBy(() -> mailer.send(MailUrl.parse("imap://host"), OutgoingMail.text(support, ann, "a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
