package dev.parley.mail;

/**
 * A mail could not be handed to the SMTP server. {@link #permanent()} tells the caller whether trying again can help:
 * a 5xx reply or an address the server refuses will fail the same way again; a refused connection, a timeout or a
 * 4xx reply may not.
 */
public class MailDeliveryException extends Exception {

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
