package dev.parley.assistant.llm;

import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes streamed answer text to the customer's widget: {@code typing} from the assistant while the model is
 * asked, {@code token} events with {@code {replyTo, delta}}, and {@code token-cancel} with {@code {replyTo}} when the
 * preview must go.
 */
@Component
class TokenPreview {

    static final String TOKEN = "token";
    static final String CANCEL = "token-cancel";
    static final String TYPING = "typing";

    private final RealtimeBus bus;

    TokenPreview(RealtimeBus bus) {
        this.bus = bus;
    }

    /**
     * The assistant is writing: the same {@code typing} event an agent's typing sends, so every open widget of the
     * conversation (another tab, one that reconnected) shows it until the reply or the first token arrives.
     */
    void typing(GroundedQuestion question) {
        if (question.messageId() != null) {
            bus.publish(new RealtimeEvent(RealtimeEvent.conversationTopic(question.conversationId()), TYPING, 0,
                    Map.of("conversationId", question.conversationId(), "author", "ASSISTANT", "name", "Assistant",
                            "typing", true)));
        }
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
