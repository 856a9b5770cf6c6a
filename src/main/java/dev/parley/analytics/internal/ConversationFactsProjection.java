package dev.parley.analytics.internal;

import dev.parley.assistant.llm.LlmCallRecorded;
import dev.parley.conversation.AnswerVerdict;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.AnswerFeedbackRecorded;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationRated;
import dev.parley.conversation.ConversationEvents.ConversationStarted;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.Message;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the analytics projection in step with conversations. It runs right after each change commits,
 * in publication order, in a transaction of its own: a failure here is logged and counted but never
 * undoes the customer's message.
 */
@Component
class ConversationFactsProjection {

    private static final Logger log = LoggerFactory.getLogger(ConversationFactsProjection.class);
    private static final int QUESTION_LENGTH = 1000;
    /** An AI resolution the customer does not reopen within this long counts as durable. */
    static final java.time.Duration DURABLE_AFTER = java.time.Duration.ofDays(7);

    private final FactsRepository facts;
    private final RollupWriter rollups;
    private final Conversations conversations;
    private final Counter failures;

    ConversationFactsProjection(FactsRepository facts, RollupWriter rollups, Conversations conversations,
            MeterRegistry meters) {
        this.facts = facts;
        this.rollups = rollups;
        this.conversations = conversations;
        this.failures = Counter.builder("parley.analytics.projection.failures")
                .description("Analytics projection updates that failed").register(meters);
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ConversationStarted event) {
        guarded(event.conversationId(), () -> facts.started(event.conversationId(), event.channel(), event.at()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(MessageReceived event) {
        guarded(event.conversationId(), () -> conversations.message(event.messageId()).map(Message::text).ifPresent(text ->
                facts.customerMessage(event.conversationId(), shorten(text))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ReplyPosted event) {
        if (event.internal() || event.authorType() == AuthorType.CUSTOMER) {
            return;
        }
        guarded(event.conversationId(), () -> facts.reply(event.conversationId(), event.at()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ConversationStatusChanged event) {
        guarded(event.conversationId(), () -> {
            if (event.to() == ConversationStatus.AI_RESOLVED) {
                facts.aiAnswered(event.conversationId(), event.at(), event.at().plus(DURABLE_AFTER));
            } else if (event.from() == ConversationStatus.AI_RESOLVED && event.to() == ConversationStatus.OPEN) {
                facts.reopened(event.conversationId(), event.at()); // only the customer writing again moves it so
            } else if (event.to() == ConversationStatus.RESOLVED) {
                facts.resolved(event.conversationId(), event.at());
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ConversationEscalated event) {
        boolean gap = event.reason() == EscalationReason.LOW_CONFIDENCE || event.reason() == EscalationReason.NO_KNOWLEDGE;
        guarded(event.conversationId(), () -> facts.escalated(event.conversationId(), event.reason().name(), gap));
    }

    /** "Did that help?" decided: confirmed or assumed (a "No" arrives as an escalation). */
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AnswerFeedbackRecorded event) {
        if (event.verdict() == AnswerVerdict.NOT_HELPFUL) {
            return;
        }
        guarded(event.conversationId(), () -> facts.aiResolution(event.conversationId(), event.verdict().name()));
    }

    /** The AI resolution's window passed without the customer reopening: it counts as durable. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void settleDurable(java.util.UUID conversationId, java.time.Instant now) {
        guarded(conversationId, () -> facts.settleDurable(conversationId, now));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ConversationRated event) {
        guarded(event.conversationId(), () -> facts.rated(event.conversationId(), event.rating()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(LlmCallRecorded event) {
        if (event.conversationId() == null) {
            return; // a call for no conversation (example questions for the knowledge base) counts in the totals only
        }
        guarded(event.conversationId(), () -> facts.addUsage(event.conversationId(),
                event.inputTokens() + event.outputTokens(), event.costUsd().doubleValue()));
    }

    /** Applies one change to the conversation's facts and the same difference to the daily rollups. */
    private void guarded(java.util.UUID conversationId, Runnable update) {
        try {
            FactsRow before = facts.load(conversationId).orElse(null);
            update.run();
            FactsRow after = facts.load(conversationId).orElse(null);
            if (!java.util.Objects.equals(before, after)) {
                rollups.replace(before, after);
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.error("Analytics projection update failed", e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= QUESTION_LENGTH ? text : text.substring(0, QUESTION_LENGTH);
    }
}
