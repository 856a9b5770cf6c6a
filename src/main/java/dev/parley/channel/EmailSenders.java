package dev.parley.channel;

import dev.parley.mail.MailAddress;
import dev.parley.mail.MailUrl;
import java.util.Optional;

/**
 * Mail servers of the email inboxes, for Parley's own mails (agent notifications, password resets) when no system
 * mail server is configured: they then leave through the first enabled email inbox, from its address.
 */
public interface EmailSenders {

    Optional<Sender> fallback();

    /** An SMTP server and the address mails are sent from. */
    record Sender(MailUrl smtp, MailAddress from) {
    }
}
