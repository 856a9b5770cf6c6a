package dev.parley.realtime.internal;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStarted;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.ConversationEvents.DeliveryChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.MessagesRead;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.events.LiveListener;
import dev.parley.realtime.MessagePayload;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns committed conversation changes into live events: what the customer may see goes to the
 * conversation's topic, everything goes to the agents' topic. Live listeners: off the request thread, without a
 * transaction (a push needs no connection) and on their own threads, so pushes keep up when other listeners are
 * behind under load; a push that failed is tried again for a while, and leaves no event publication (ADR 0040).
 * Listeners start in publication order but may finish out of it; clients put messages in order by seq and read the
 * backlog, and a repeated push is harmless.
 */
@Component
class ConversationRelay {

    private final RealtimeBus bus;

    ConversationRelay(RealtimeBus bus) {
        this.bus = bus;
    }

    @LiveListener
    void on(MessageReceived event) {
        push(new MessagePayload(event.messageId(), event.seq(), event.conversationId(), AuthorType.CUSTOMER.name(),
                event.authorName(), event.text(), false, null, List.of(), event.clientMessageId(), null, event.at()));
    }

    /**
     * Replies reach agents here, and a visible one reaches the conversation's open widgets at once too: the widget
     * channel's delivery pushes it as well, but as a module listener it waits behind analytics, mail and the rest
     * under load (seconds), and a stream sends each message once (its cursor drops the second push). The event
     * carries the whole message, so nothing is read back.
     */
    @LiveListener
    void on(ReplyPosted event) {
        push(new MessagePayload(event.messageId(), event.seq(), event.conversationId(), event.authorType().name(),
                event.authorName(), event.text(), event.internal(), event.confidence(),
                Objects.requireNonNullElse(event.sources(), List.of()), null, event.inReplyTo(), event.at()));
    }

    private void push(MessagePayload message) {
        if (!message.internal()) {
            bus.publish(RealtimeEvent.message(topic(message.conversationId()), message));
        }
        bus.publish(RealtimeEvent.message(RealtimeEvent.AGENTS, message));
    }

    @LiveListener
    void on(ConversationStatusChanged event) {
        bus.publish(RealtimeEvent.status(topic(event.conversationId()), event.conversationId(), event.to(),
                event.from()));
        bus.publish(RealtimeEvent.status(RealtimeEvent.AGENTS, event.conversationId(), event.to(), event.from()));
    }

    @LiveListener
    void on(ConversationEscalated event) {
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "escalated", 0,
                Map.of("conversationId", event.conversationId(), "reason", event.reason().name())));
    }

    /**
     * Dashboards show the new assignee ("updated", as for other details), and the new assignee's dashboard tells them
     * (a desktop notification); nothing is told on unassignment, nor to an agent who took it themselves.
     */
    @LiveListener
    void on(ConversationAssigned event) {
        updated(event.conversationId());
        if (event.assigneeId() != null && !event.selfAssigned()) {
            bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "assigned", 0, Map.of("conversationId",
                    event.conversationId(), "assigneeId", event.assigneeId(), "subject", Objects.toString(event.subject(), ""),
                    "customerName", Objects.toString(event.customerName(), ""))));
        }
    }

    @LiveListener
    void on(ConversationStarted event) {
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "conversation", 0,
                Map.of("conversationId", event.conversationId(), "channel", event.channel())));
    }

    @LiveListener
    void on(MessagesRead event) {
        Map<String, Object> data = Map.of("conversationId", event.conversationId(), "reader", event.reader().name(),
                "upToSeq", event.upToSeq());
        bus.publish(new RealtimeEvent(topic(event.conversationId()), "read", 0, data));
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "read", 0, data));
    }

    @LiveListener
    void on(ConversationUpdated event) {
        updated(event.conversationId());
    }

    /** Dashboards fetch what they show of the conversation again. */
    private void updated(UUID conversationId) {
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "updated", 0, Map.of("conversationId", conversationId)));
    }

    /** Agents see each reply's way to the customer (pending, sent, failed and why) as it changes. */
    @LiveListener
    void on(DeliveryChanged event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversationId", event.conversationId());
        data.put("messageId", event.messageId());
        data.put("state", event.state().name());
        data.put("error", event.error());
        bus.publish(new RealtimeEvent(RealtimeEvent.AGENTS, "delivery", 0, data));
    }

    private static String topic(UUID conversationId) {
        return RealtimeEvent.conversationTopic(conversationId);
    }
}
