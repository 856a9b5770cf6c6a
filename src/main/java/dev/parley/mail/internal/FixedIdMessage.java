package dev.parley.mail.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message sent with exactly the Message-ID the caller chose: replies from customers point at it with
 * In-Reply-To, and that is how they find their conversation again. Plain MimeMessage replaces the id on save.
 */
public final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    public FixedIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
