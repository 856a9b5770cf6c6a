package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.AnswerRequested;
import dev.parley.events.OutboundListener;
import org.springframework.stereotype.Component;

/**
 * Answers messages of channels whose inbound step must return quickly (a mail poller, a webhook). A failure
 * leaves the publication incomplete, so it is retried; answering twice is prevented by the flow.
 */
@Component
class DeferredAnswers {

    private final CustomerMessageFlow flow;

    DeferredAnswers(CustomerMessageFlow flow) {
        this.flow = flow;
    }

    @OutboundListener
    void on(AnswerRequested event) {
        flow.answerLater(event.conversationId(), event.messageId(), event.mode());
    }
}
