package dev.parley.channel.spi;

/**
 * A reply the channel did not take. Transient failures (server unreachable, 4xx) are retried with back-off;
 * permanent ones (address refused, no such recipient) fail at once with the reason shown to agents.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;

    public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    public static DeliveryFailure transientFailure(String reason, Throwable cause) {
        return new DeliveryFailure(reason, false, cause);
    }

    public static DeliveryFailure permanent(String reason) {
        return new DeliveryFailure(reason, true, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
