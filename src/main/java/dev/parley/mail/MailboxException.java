package dev.parley.mail;

/**
 * A mailbox could not be opened or read. The {@link #reason()} lets the channel tell an operator what to fix
 * (password, host, folder name) instead of retrying for ever.
 */
public class MailboxException extends Exception {

    /** What went wrong, as far as the server said. */
    public enum Reason { AUTHENTICATION, UNREACHABLE, NO_SUCH_FOLDER, PROTOCOL }

    private final Reason reason;

    public MailboxException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
