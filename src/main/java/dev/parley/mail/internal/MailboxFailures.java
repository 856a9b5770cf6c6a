package dev.parley.mail.internal;

import dev.parley.mail.MailboxException;
import dev.parley.mail.MailboxException.Reason;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import org.eclipse.angus.mail.util.MailConnectException;

/** Turns Jakarta Mail's failures into a {@link MailboxException} whose message says what to check. */
public final class MailboxFailures {

    private MailboxFailures() {
    }

    public static MailboxException of(MessagingException failure, String mailbox) {
        if (failure instanceof AuthenticationFailedException) {
            return new MailboxException(Reason.AUTHENTICATION, "authentication failed for " + mailbox
                    + ": check user and password (server said: " + failure.getMessage() + ")", failure);
        }
        if (failure instanceof FolderNotFoundException) {
            return new MailboxException(Reason.NO_SUCH_FOLDER, "no such folder on " + mailbox, failure);
        }
        if (failure instanceof MailConnectException || failure.getCause() instanceof IOException) {
            return new MailboxException(Reason.UNREACHABLE, "cannot reach " + mailbox + ": "
                    + (failure.getCause() != null ? failure.getCause() : failure.getMessage()), failure);
        }
        return new MailboxException(Reason.PROTOCOL, "mailbox " + mailbox + " failed: " + failure.getMessage(), failure);
    }
}
