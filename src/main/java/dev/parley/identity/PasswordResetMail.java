package dev.parley.identity;

/**
 * How a password-reset link reaches an agent. Identity knows nothing about mail servers: the notification module
 * implements this. Without an implementation, or when it is not {@link #available()}, reset by email is off and the
 * pages say so.
 */
public interface PasswordResetMail {

    /** Whether a link can be sent at all (a mail server is configured). */
    boolean available();

    /**
     * Sends the link to the agent; {@code path} is the reset page's path ({@code /password-reset/<token>}), which
     * the mail puts under the dashboard's public address. Throws when the mail could not be handed over.
     */
    void send(String email, String name, String path);
}
