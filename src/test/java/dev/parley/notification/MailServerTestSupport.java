package dev.parley.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context whose notifications go to GreenMail, a real SMTP server on a free port that lives as long
 * as the test JVM (the context outlives single test classes in Spring's cache). Tests find their mails by the
 * unique address of the agent they created.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class MailServerTestSupport {

    protected static final int SMTP_PORT = freePort();
    protected static final GreenMail MAIL_SERVER = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
    public static final String BASE_URL = "https://support.acme.test";

    static {
        MAIL_SERVER.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("parley.notifications.smtp-url", () -> "smtp://127.0.0.1:" + SMTP_PORT);
        registry.add("parley.notifications.from", () -> "Parley <parley@acme.test>");
        registry.add("parley.notifications.base-url", () -> BASE_URL + "/");
        registry.add("parley.notifications.send-timeout", () -> "5s");
        // Tests resubmit failed notifications themselves.
        registry.add("parley.events.resubmit-interval", () -> "1h");
    }

    /** The mails that reached {@code address} so far. */
    protected static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL_SERVER.getReceivedMessages()).filter(mail -> sentTo(mail, address)).toList();
    }

    protected static String body(MimeMessage mail) {
        try {
            return mail.getContent().toString().replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether every notification listener is done with the events about {@code conversationId}: a completed event
     * publication is deleted, so none may be left (a failed one stays).
     */
    protected static boolean notificationsSettled(JdbcClient jdbc, UUID conversationId) {
        return pendingNotifications(jdbc, conversationId) == 0;
    }

    protected static long pendingNotifications(JdbcClient jdbc, UUID conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE 'dev.parley.notification.%'"
                        + " AND serialized_event LIKE :id AND completion_date IS NULL")
                .param("id", "%" + conversationId + "%").query(Long.class).single();
    }

    private static boolean sentTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
