package dev.parley.analytics.internal;

import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.realtime.EventStreams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Prometheus metrics of the support desk: messages by author, assistant answers vs escalations (by
 * reason) and open live connections. The assistant's latency histogram is recorded by the conversation flow.
 * Counted by module listeners without a transaction (a counter needs no connection), once each change commits.
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

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(MessageReceived event) {
        messages("CUSTOMER").increment();
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ReplyPosted event) {
        if (!event.internal()) {
            messages(event.authorType().name()).increment();
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationStatusChanged event) {
        if (event.to() == ConversationStatus.AI_RESOLVED) {
            Counter.builder("parley.assistant.outcomes").tag("outcome", "answered").tag("reason", "none")
                    .description("Assistant decisions").register(meters).increment();
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEscalated event) {
        Counter.builder("parley.assistant.outcomes").tag("outcome", "escalated").tag("reason", event.reason().name())
                .description("Assistant decisions").register(meters).increment();
    }

    private Counter messages(String author) {
        return Counter.builder("parley.messages").tag("author", author).description("Messages posted")
                .register(meters);
    }
}
