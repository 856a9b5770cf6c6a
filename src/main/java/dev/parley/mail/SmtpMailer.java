package dev.parley.mail;

import dev.parley.mail.internal.DeliveryFailures;
import dev.parley.mail.internal.FixedIdMessage;
import dev.parley.mail.internal.MailSessions;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Hands mails to an SMTP server: STARTTLS when the server offers it (implicit TLS for {@code smtps}), login when the
 * URL has a user, every network step bounded by the timeout. One connection per mail; callers that send in bulk
 * queue and retry on {@link MailDeliveryException#permanent() transient} failures.
 */
public final class SmtpMailer {

    private static final String UTF_8 = "UTF-8";

    private final Duration timeout;
    private final boolean trustAllCertificates;

    public SmtpMailer(Duration timeout) {
        this(timeout, false);
    }

    /** {@code trustAllCertificates} accepts any TLS certificate: only for a relay with a self-signed one. */
    public SmtpMailer(Duration timeout, boolean trustAllCertificates) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.trustAllCertificates = trustAllCertificates;
    }

    /** Sends; returns the Message-ID the mail was sent with (the given one, or a generated {@code <uuid@from-domain>}). */
    public String send(MailUrl smtp, OutgoingMail mail) throws MailDeliveryException {
        if (!smtp.isSmtp()) {
            throw new IllegalArgumentException("not an SMTP URL: " + smtp);
        }
        String messageId = mail.messageId() != null ? mail.messageId()
                : "<" + UUID.randomUUID() + "@" + mail.from().domain() + ">";
        var session = MailSessions.forServer(smtp, timeout, trustAllCertificates);
        try {
            MimeMessage message = compose(new FixedIdMessage(session, messageId), mail);
            try (Transport transport = session.getTransport(smtp.scheme())) {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            return messageId;
        } catch (MessagingException e) {
            throw DeliveryFailures.classify(e, smtp.redacted());
        }
    }

    private static MimeMessage compose(MimeMessage message, OutgoingMail mail) throws MessagingException {
        message.setFrom(internet(mail.from()));
        for (MailAddress to : mail.to()) {
            message.addRecipient(Message.RecipientType.TO, internet(to));
        }
        message.setSubject(mail.subject(), UTF_8);
        message.setSentDate(new Date());
        if (mail.html() == null) {
            message.setText(mail.text(), UTF_8);
        } else {
            // text first: clients show the last part they understand, so HTML wins where it can be shown
            var alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(mail.text(), "plain"));
            alternative.addBodyPart(part(mail.html(), "html"));
            message.setContent(alternative);
        }
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", mail.references())));
        }
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), encodeIfNeeded(header.getKey(), header.getValue()));
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        var part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    private static InternetAddress internet(MailAddress address) throws MessagingException {
        try {
            return new InternetAddress(address.address(), address.name(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    private static String encodeIfNeeded(String name, String value) throws MessagingException {
        try {
            return MimeUtility.fold(name.length() + 2, MimeUtility.encodeText(value, UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }
}
