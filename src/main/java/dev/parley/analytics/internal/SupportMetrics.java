package dev.parley.analytics.internal;

import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.realtime.EventStreams;
import dev.parley.shared.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics of the support desk: messages by author, assistant answers vs escalations (by
 * reason) and open live connections. The assistant's latency histogram is recorded by the conversation flow.
 * Counted once each change commits, in memory: plain event listeners that count after the commit, not module
 * listeners, because a counter of this node's process has nothing to retry and a durable event publication (a
 * row written and deleted, a listener thread) per message and counter cost more than the count (ADR 0022).
 */
@Component
class SupportMetrics {

    private final MeterRegistry meters;

    SupportMetrics(MeterRegistry meters, EventStreams streams) {
        this.meters = meters;
        Gauge.builder("parley.realtime.connections", streams, s -> s.openStreams("conversation:"))
                .tag("kind", "widget").description("Open live streams").register(meters);
        Gauge.builder("parley.realtime.connections", streams, s -> s.openStreams("agents"))
                .tag("kind", "agent").description("Open live streams").register(meters);
    }

    @EventListener
    void on(MessageReceived event) {
        AfterCommit.run(messages("CUSTOMER")::increment);
    }

    @EventListener
    void on(ReplyPosted event) {
        if (!event.internal()) {
            AfterCommit.run(messages(event.authorType().name())::increment);
        }
    }

    @EventListener
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.AI_RESOLVED) {
            AfterCommit.run(Counter.builder("parley.assistant.outcomes").tag("outcome", "answered")
                    .tag("reason", "none").description("Assistant decisions").register(meters)::increment);
        }
    }

    @EventListener
    void on(ConversationEscalated event) {
        AfterCommit.run(Counter.builder("parley.assistant.outcomes").tag("outcome", "escalated")
                .tag("reason", event.reason().name()).description("Assistant decisions").register(meters)::increment);
    }

    private Counter messages(String author) {
        return Counter.builder("parley.messages").tag("author", author).description("Messages posted")
                .register(meters);
    }
}
