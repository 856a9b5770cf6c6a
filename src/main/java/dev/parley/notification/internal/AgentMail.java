package dev.parley.notification.internal;

import dev.parley.channel.EmailSenders;
import dev.parley.mail.MailAddress;
import dev.parley.mail.MailDeliveryException;
import dev.parley.mail.MailUrl;
import dev.parley.mail.OutgoingMail;
import dev.parley.mail.SmtpMailer;
import dev.parley.notification.NotificationSettings;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends Parley's own mails to agents through the configured mail server ({@code parley.notifications.smtp-url}),
 * else through the first email inbox's server, from its address. Without either nothing is sent. Every mail is marked {@code Auto-Submitted} so that
 * out-of-office replies do not answer it.
 */
@Component
public class AgentMail {

    private static final Logger log = LoggerFactory.getLogger(AgentMail.class);

    private final MailUrl smtp;
    private final MailAddress from;
    private final SmtpMailer mailer;
    private final EmailSenders inboxes;

    AgentMail(NotificationSettings settings, EmailSenders inboxes) {
        this.inboxes = inboxes;
        this.smtp = settings.mailConfigured() ? MailUrl.parse(settings.smtpUrl().strip()) : null;
        this.from = MailAddress.parse(settings.from());
        this.mailer = new SmtpMailer(settings.sendTimeout());
        if (smtp == null) {
            log.info("No system mail server configured (parley.notifications.smtp-url): agents' mails leave through"
                    + " the first email inbox, if there is one");
        } else {
            log.info("Agent notifications are emailed through {} as {}", smtp.redacted(), from.address());
        }
    }

    public boolean available() {
        return sender().isPresent();
    }

    /** The system mail server, else the first email inbox's (from its address). */
    private java.util.Optional<EmailSenders.Sender> sender() {
        return smtp != null ? java.util.Optional.of(new EmailSenders.Sender(smtp, from)) : inboxes.fallback();
    }

    /**
     * Sends one plain-text mail to an agent. Returns false when nothing was sent: no mail server, or the server
     * refused the mail for good (a bad address; logged, since retrying cannot help). Throws
     * {@link NotificationNotSent} when it may work later.
     */
    public boolean send(String toAddress, String toName, String subject, String text) {
        var sender = sender();
        if (sender.isEmpty()) {
            return false;
        }
        OutgoingMail mail;
        try {
            mail = new OutgoingMail(sender.get().from(), List.of(new MailAddress(toName, toAddress)), subject, text, null, null, null,
                    List.of(), Map.of("Auto-Submitted", "auto-generated", "X-Auto-Response-Suppress", "All"));
        } catch (IllegalArgumentException e) {
            log.warn("Not sending \"{}\": {}", subject, e.getMessage());
            return false;
        }
        try {
            mailer.send(sender.get().smtp(), mail);
            return true;
        } catch (MailDeliveryException e) {
            if (e.permanent()) {
                log.warn("The mail server refused \"{}\" to {} for good; not retrying: {}", subject, toAddress,
                        e.getMessage());
                return false;
            }
            throw new NotificationNotSent("Could not send \"" + subject + "\" to " + toAddress + ": " + e.getMessage(), e);
        }
    }
}
