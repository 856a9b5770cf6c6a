package dev.parley.channel.webhook;

import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationRated;
import dev.parley.conversation.ConversationEvents.ConversationStarted;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.shared.AfterCommit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns conversation events into webhook deliveries for the subscriptions that want them, then sends them at
 * once. The event id is derived from the event itself, so a retried listener enqueues nothing twice. An event no
 * active subscription wants when it is published gets no event publication at all (the listeners' conditions,
 * ADR 0022): most installations have no webhooks, and each publication is a row written and deleted.
 */
@Component("webhookEvents")
class WebhookEvents {

    private final WebhookRepository repository;
    private final WebhookDispatcher dispatcher;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(WebhookRepository repository, WebhookDispatcher dispatcher, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener(condition = "@webhookEvents.wanted('conversation.created')")
    void on(ConversationStarted e) {
        publish(WebhookEvent.CONVERSATION_CREATED, e.conversationId() + "", e.at(),
                data("conversationId", e.conversationId(), "channel", e.channel()));
    }

    @ApplicationModuleListener(condition = "@webhookEvents.wanted('message.created')")
    void on(MessageReceived e) {
        publish(WebhookEvent.MESSAGE_CREATED, e.messageId() + "", e.at(), data("conversationId", e.conversationId(),
                "messageId", e.messageId(), "authorType", "CUSTOMER", "authorName", e.authorName(), "text", e.text(),
                "channel", e.channel()));
    }

    @ApplicationModuleListener(condition = "!#e.internal() and @webhookEvents.wanted('message.created')")
    void on(ReplyPosted e) {
        if (!e.internal()) {
            publish(WebhookEvent.MESSAGE_CREATED, e.messageId() + "", e.at(), data("conversationId", e.conversationId(),
                    "messageId", e.messageId(), "authorType", e.authorType().name(), "authorName", e.authorName(),
                    "text", e.text(), "channel", e.channel()));
        }
    }

    @ApplicationModuleListener(condition = "@webhookEvents.wanted('conversation.escalated')")
    void on(ConversationEscalated e) {
        publish(WebhookEvent.CONVERSATION_ESCALATED, e.conversationId() + ":" + e.at(), e.at(),
                data("conversationId", e.conversationId(), "reason", e.reason().name(), "confidence", e.confidence()));
    }

    @ApplicationModuleListener(condition = "@webhookEvents.wanted('conversation.assigned')")
    void on(ConversationAssigned e) {
        publish(WebhookEvent.CONVERSATION_ASSIGNED, e.conversationId() + ":" + e.at(), e.at(),
                data("conversationId", e.conversationId(), "assigneeId", e.assigneeId(),
                        "previousAssigneeId", e.previousAssigneeId(), "assignedBy", e.assignedBy()));
    }

    @ApplicationModuleListener(condition = "(#e.to().name() == 'RESOLVED' or #e.to().name() == 'AI_RESOLVED')"
            + " and @webhookEvents.wanted('conversation.resolved')")
    void on(ConversationStatusChanged e) {
        if (e.to() == ConversationStatus.RESOLVED || e.to() == ConversationStatus.AI_RESOLVED) {
            publish(WebhookEvent.CONVERSATION_RESOLVED, e.conversationId() + ":" + e.at(), e.at(),
                    data("conversationId", e.conversationId(), "status", e.to().name()));
        }
    }

    @ApplicationModuleListener(condition = "@webhookEvents.wanted('csat.submitted')")
    void on(ConversationRated e) {
        publish(WebhookEvent.CSAT_SUBMITTED, e.conversationId() + ":" + e.at(), e.at(),
                data("conversationId", e.conversationId(), "rating", e.rating()));
    }

    /** Whether an active subscription wants events of this wire name; read at publication by the conditions. */
    public boolean wanted(String wireName) {
        return repository.all().stream().anyMatch(s -> wants(s, wireName));
    }

    private static boolean wants(Subscription subscription, String wireName) {
        return subscription.active() && subscription.events().contains(wireName);
    }

    private void publish(WebhookEvent type, String key, Instant at, Map<String, Object> data) {
        List<Subscription> wanting = repository.all().stream().filter(s -> wants(s, type.wireName())).toList();
        if (wanting.isEmpty()) {
            return;
        }
        UUID eventId = UUID.nameUUIDFromBytes((type.wireName() + ":" + key).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("event", type.wireName());
        envelope.put("occurredAt", at.toString());
        envelope.put("data", data);
        String payload = json.writeValueAsString(envelope);
        List<UUID> queued = new ArrayList<>();
        for (Subscription subscription : wanting) {
            repository.enqueue(subscription.id(), eventId, type.wireName(), payload, clock.instant())
                    .ifPresent(queued::add);
        }
        sendAfterCommit(queued);
    }

    /**
     * Sent once the deliveries are committed, each on a thread of its own (one per subscription): no HTTP call holds
     * a database connection, and a receiver that hangs until the timeout holds up no other subscription's delivery.
     */
    private void sendAfterCommit(List<UUID> queued) {
        if (queued.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> queued.forEach(id -> Thread.ofVirtual().name("webhook-send").start(
                () -> dispatcher.send(id))));
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }
}
