package dev.parley.assistant.llm;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes streamed answer text to the customer's widget: {@code token} events with
 * {@code {replyTo, delta}}, and {@code token-cancel} with {@code {replyTo}} when the preview must go.
 */
@Component
class TokenPreview {

    static final String TOKEN = "token";
    static final String CANCEL = "token-cancel";

    private final RealtimeBus bus;

    TokenPreview(RealtimeBus bus) {
        this.bus = bus;
    }

    void token(GroundedQuestion question, String delta) {
        if (question.messageId() != null && !delta.isEmpty()) {
            bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(question.conversationId()), TOKEN, 0,
                    Map.of("replyTo", question.messageId().toString(), "delta", delta)));
        }
    }

    void cancel(GroundedQuestion question) {
        if (question.messageId() != null) {
            bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(question.conversationId()), CANCEL, 0,
                    Map.of("replyTo", question.messageId().toString())));
        }
    }
}
