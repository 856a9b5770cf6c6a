package dev.parley.conversation;

/** Where a reply is on its way to the customer's channel. */
public enum DeliveryState {
    /** Not yet taken by the channel (being sent, or waiting for a retry). */
    PENDING,
    /** The channel took it (the mail server accepted it, the widget got it). */
    SENT,
    /** Retries ran out or the channel refused it for good; an agent can retry. */
    FAILED,
    /** Nothing to deliver on this channel (e.g. an API inbox whose client reads the transcript). */
    SKIPPED
}
