package dev.parley.conversation;

/** Where a reply is on its way to the customer's channel. */
public enum DeliveryState {
    /** Not yet taken by the channel (being sent, or waiting for a retry). */
    PENDING,
    /** The channel took it (the mail server accepted it, the widget got it). */
    SENT,
    /** The provider reports it reached the customer's device (SMS, WhatsApp). */
    DELIVERED,
    /** The provider reports the customer opened it (WhatsApp read receipts). */
    READ,
    /** Retries ran out or the channel refused it for good; an agent can retry. */
    FAILED,
    /** Nothing to deliver on this channel (e.g. an API inbox whose client reads the transcript). */
    SKIPPED;

    /** Whether a provider's report of {@code next} moves a delivery in this state forward (reports come out of order). */
    public boolean advancesTo(DeliveryState next) {
        return switch (this) {
            case SENT -> next == DELIVERED || next == READ;
            case DELIVERED -> next == READ;
            default -> false;
        };
    }
}
