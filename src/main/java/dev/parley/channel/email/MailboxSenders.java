package dev.parley.channel.email;

import dev.parley.channel.EmailSenders;
import dev.parley.mail.MailAddress;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The first enabled, readable email inbox as the fallback sender of Parley's own mails. */
@Component
class MailboxSenders implements EmailSenders {

    private final Mailboxes mailboxes;

    MailboxSenders(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public Optional<Sender> fallback() {
        return mailboxes.active().stream().findFirst()
                .map(m -> new Sender(m.smtp(), new MailAddress(m.inbox().name(), m.address())));
    }
}
