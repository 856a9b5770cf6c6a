package dev.parley.notification.internal;

/**
 * A notification mail could not be handed to the mail server for a reason that may pass (server down, timeout).
 * Thrown out of the listener, so the event publication registry keeps the event and it is tried again.
 */
public class NotificationNotSent extends RuntimeException {

    public NotificationNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
