package dev.parley.channel.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a webhook subscription can receive, by their names on the wire. */
enum WebhookEvent {
    CONVERSATION_CREATED("conversation.created"),
    MESSAGE_CREATED("message.created"),
    CONVERSATION_ESCALATED("conversation.escalated"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    CONVERSATION_RESOLVED("conversation.resolved"),
    CSAT_SUBMITTED("csat.submitted");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<WebhookEvent> byWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
