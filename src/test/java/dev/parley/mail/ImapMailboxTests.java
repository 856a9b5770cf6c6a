package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading GreenMail's real IMAP server; mails arrive through its SMTP server, sent by {@link SmtpMailer}. */
class ImapMailboxTests {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@acme.test", "support", "s3cret"));

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final MailParser parser = new MailParser(MailLimits.defaults());

    private MailUrl imap(String password, String folder) {
        return MailUrl.parse("imap://support:" + password + "@127.0.0.1:" + greenMail.getImap().getPort() + "/" + folder);
    }

    private MailUrl inbox() {
        return imap("s3cret", "INBOX");
    }

    private void deliver(String... subjects) throws MailDeliveryException {
        var smtp = MailUrl.parse("smtp://127.0.0.1:" + greenMail.getSmtp().getPort());
        for (String subject : subjects) {
            new SmtpMailer(TIMEOUT).send(smtp, OutgoingMail.text(MailAddress.of("ann@example.test"),
                    MailAddress.of("support@acme.test"), subject, "Body of " + subject));
        }
        int total = greenMail.getReceivedMessages().length;
        assertThat(greenMail.waitForIncomingEmail(10_000, total)).isTrue();
    }

    private List<String> subjects(List<FetchedMail> mails) {
        return mails.stream().map(mail -> parser.parse(mail.raw()).subject()).toList();
    }

    @Test
    void fetchesDeliveredMailsOldestFirstWithIncreasingUids() throws Exception {
        deliver("first", "second", "third");

        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            List<FetchedMail> mails = mailbox.fetchAfter(0, 10, 1_000_000);

            assertThat(subjects(mails)).containsExactly("first", "second", "third");
            assertThat(mails).extracting(FetchedMail::uid).isSorted().doesNotHaveDuplicates();
            assertThat(mails).allSatisfy(mail -> {
                assertThat(mail.truncated()).isFalse();
                assertThat(mail.size()).isEqualTo(mail.raw().length);
            });
        }
    }

    @Test
    void fetchesOnlyWhatCameAfterTheLastUidSeen() throws Exception {
        deliver("first", "second");
        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            long last = mailbox.fetchAfter(0, 10, 1_000_000).getLast().uid();
            assertThat(mailbox.fetchAfter(last, 10, 1_000_000)).isEmpty();

            deliver("third");

            List<FetchedMail> newer = mailbox.fetchAfter(last, 10, 1_000_000);
            assertThat(subjects(newer)).containsExactly("third");
            assertThat(newer.getFirst().uid()).isGreaterThan(last);
        }
    }

    @Test
    void fetchesAtMostTheOldestMax() throws Exception {
        deliver("first", "second", "third");

        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            assertThat(subjects(mailbox.fetchAfter(0, 2, 1_000_000))).containsExactly("first", "second");
        }
    }

    @Test
    void capsTheRawBytesOfALargeMailAndSaysSo() throws Exception {
        deliver("large enough");

        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            FetchedMail mail = mailbox.fetchAfter(0, 10, 100).getFirst();

            assertThat(mail.raw()).hasSize(100);
            assertThat(mail.truncated()).isTrue();
            assertThat(mail.size()).isGreaterThan(100);
        }
    }

    @Test
    void keepsTheSameUidValidityAcrossOpens() throws Exception {
        deliver("first");
        long validity;
        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            validity = mailbox.uidValidity();
        }
        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            assertThat(mailbox.uidValidity()).isEqualTo(validity).isPositive();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatDoesNotShowIt() {
        assertThatThrownBy(() -> ImapMailbox.open(imap("guessed", "INBOX"), TIMEOUT))
                .isInstanceOfSatisfying(MailboxException.class,
                        e -> assertThat(e.reason()).isEqualTo(MailboxException.Reason.AUTHENTICATION))
                .hasMessageContaining("authentication")
                .message().doesNotContain("guessed");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> ImapMailbox.open(imap("s3cret", "Support%2FNope"), TIMEOUT))
                .isInstanceOfSatisfying(MailboxException.class,
                        e -> assertThat(e.reason()).isEqualTo(MailboxException.Reason.NO_SUCH_FOLDER))
                .hasMessageContaining("Support/Nope");
    }

    @Test
    void aServerThatIsNotListeningIsUnreachable() throws IOException {
        int closedPort;
        try (var probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        assertThatThrownBy(() -> ImapMailbox.open(MailUrl.parse("imap://u:p@127.0.0.1:" + closedPort), TIMEOUT))
                .isInstanceOfSatisfying(MailboxException.class,
                        e -> assertThat(e.reason()).isEqualTo(MailboxException.Reason.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void awaitChangeReturnsSoonAfterNewMailArrives() throws Exception {
        try (var mailbox = ImapMailbox.open(inbox(), TIMEOUT)) {
            assertThat(mailbox.supportsIdle()).isTrue();
            assertThat(mailbox.fetchAfter(0, 10, 1_000_000)).isEmpty();
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1_000);
                    deliver("while idling");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long started = System.nanoTime();

            mailbox.awaitChange(Duration.ofSeconds(120));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            sender.join();
            assertThat(subjects(mailbox.fetchAfter(0, 10, 1_000_000))).containsExactly("while idling");
        }
    }

    @Test
    void awaitChangeReturnsWhenTheTimeIsUpWithoutMail() throws Exception {
        try (var mailbox = ImapMailbox.open(inbox(), Duration.ofSeconds(6))) {
            mailbox.fetchAfter(0, 10, 1_000_000);
            long started = System.nanoTime();

            mailbox.awaitChange(Duration.ofSeconds(7));

            // longer than one IDLE slice (3 s here): the wait spans several, and the connection survives them
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(60));
            assertThat(mailbox.fetchAfter(0, 10, 1_000_000)).isEmpty();
        }
    }
}
