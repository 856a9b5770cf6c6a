package dev.parley.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.notification.NotificationSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures of the mail server make a notification worth retrying, and which do not. */
class AgentMailTests {

    @Test
    void aMailServerThatCannotBeReachedMakesTheNotificationWorthRetrying() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AgentMail mail = new AgentMail(settings("smtp://127.0.0.1:" + closedPort), java.util.Optional::empty);

        assertThatThrownBy(() -> mail.send("ann@example.test", "Ann", "Assigned to you: Refund", "Hello"))
                .isInstanceOf(NotificationNotSent.class);
    }

    @Test
    void aServerRefusingForNowMakesTheNotificationWorthRetrying() throws IOException {
        try (var server = new RefusingSmtpServer("451 4.7.1 greylisted, try again later")) {
            AgentMail mail = new AgentMail(settings("smtp://127.0.0.1:" + server.port()), java.util.Optional::empty);

            assertThatThrownBy(() -> mail.send("ann@example.test", "Ann", "Assigned to you: Refund", "Hello"))
                    .isInstanceOf(NotificationNotSent.class);
        }
    }

    @Test
    void anAddressTheServerRefusesForGoodIsLoggedAndNotRetried() throws IOException {
        try (var server = new RefusingSmtpServer("550 5.1.1 <ann@example.test>: mailbox unavailable")) {
            AgentMail mail = new AgentMail(settings("smtp://127.0.0.1:" + server.port()), java.util.Optional::empty);

            assertThat(mail.send("ann@example.test", "Ann", "Assigned to you: Refund", "Hello")).isFalse();
        }
    }

    @Test
    void anAddressNoServerCouldTakeIsNotSent() {
        AgentMail mail = new AgentMail(settings("smtp://127.0.0.1:1"), java.util.Optional::empty);

        assertThat(mail.send("not an address", "Ann", "Assigned to you: Refund", "Hello")).isFalse();
    }

    @Test
    void withoutAMailServerNothingIsSentAndNothingIsPretended() {
        AgentMail mail = new AgentMail(settings(""), java.util.Optional::empty);

        assertThat(mail.available()).isFalse();
        assertThat(mail.send("ann@example.test", "Ann", "Assigned to you: Refund", "Hello")).isFalse();
    }

    @Test
    void withoutASystemMailServerTheFirstEmailInboxSendsFromItsAddress() throws IOException {
        try (var server = new RefusingSmtpServer("451 4.7.1 greylisted, try again later")) {
            var inbox = new dev.parley.channel.EmailSenders.Sender(
                    dev.parley.mail.MailUrl.parse("smtp://127.0.0.1:" + server.port()),
                    new dev.parley.mail.MailAddress("Acme Support", "support@acme.test"));
            AgentMail mail = new AgentMail(settings(""), () -> java.util.Optional.of(inbox));

            assertThat(mail.available()).isTrue();
            // The inbox's server was asked (it answered "try later"), so the mail went that way.
            assertThatThrownBy(() -> mail.send("ann@example.test", "Ann", "Assigned to you: Refund", "Hello"))
                    .isInstanceOf(NotificationNotSent.class);
        }
    }

    private static NotificationSettings settings(String smtpUrl) {
        return new NotificationSettings(smtpUrl, "Parley <parley@acme.test>", "https://support.acme.test",
                Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    /** Speaks just enough SMTP to answer RCPT TO with one fixed reply (GreenMail accepts every recipient). */
    private static final class RefusingSmtpServer implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0);
        private final String rcptReply;

        RefusingSmtpServer(String rcptReply) throws IOException {
            this.rcptReply = rcptReply;
            Thread.ofVirtual().start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
                    out.print("220 scripted ESMTP\r\n");
                    out.flush();
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                        out.print(switch (command) {
                            case "EHLO" -> "250-scripted\r\n250 8BITMIME\r\n";
                            case "RCPT" -> rcptReply + "\r\n";
                            case "QUIT" -> "221 bye\r\n";
                            default -> "250 OK\r\n";
                        });
                        out.flush();
                    }
                } catch (IOException e) {
                    // closed by the test, or the client hung up
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
