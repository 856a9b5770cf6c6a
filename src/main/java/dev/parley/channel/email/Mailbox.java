package dev.parley.channel.email;

import dev.parley.conversation.Inbox;
import dev.parley.mail.MailUrl;
import java.time.Duration;

/** An email inbox with where its mail comes from and goes out. */
record Mailbox(Inbox inbox, MailUrl imap, MailUrl smtp, Duration pollInterval, boolean fromProperties) {

    String address() {
        return inbox.address();
    }
}
