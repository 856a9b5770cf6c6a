package dev.parley.analytics.internal;

import static dev.parley.shared.CleanText.cut;

import dev.parley.assistant.llm.LlmCallRecorded;
import dev.parley.conversation.AnswerVerdict;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationEvents.AnswerFeedbackRecorded;
import dev.parley.conversation.ConversationEvents.ConversationAssigned;
import dev.parley.conversation.ConversationEvents.ConversationEscalated;
import dev.parley.conversation.ConversationEvents.ConversationRated;
import dev.parley.conversation.ConversationEvents.ConversationStarted;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.EscalationReason;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the analytics projection in step with conversations: module listeners, each in a transaction of its own
 * after the change commits, off the request thread. A failed update rolls back and leaves its event publication
 * incomplete, so it is run again; every update can run twice without counting twice (counts are keyed by message or
 * call), and listeners of one conversation may run in any order (the first to arrive starts its facts row).
 */
@Component
class ConversationFactsProjection {

    private static final int QUESTION_LENGTH = 1000;
    /** An AI resolution the customer does not reopen within this long counts as durable. */
    static final java.time.Duration DURABLE_AFTER = java.time.Duration.ofDays(7);

    private final FactsRepository facts;
    private final RollupWriter rollups;
    private final Conversations conversations;
    private final PeopleFacts people;

    ConversationFactsProjection(FactsRepository facts, RollupWriter rollups, Conversations conversations,
            PeopleFacts people) {
        this.people = people;
        this.facts = facts;
        this.rollups = rollups;
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(ConversationStarted event) {
        if (facts.started(event.conversationId(), event.channel(), event.at())) {
            conversations.find(event.conversationId()).ifPresent(this::details);
            rollUp(event.conversationId(), null);
        }
    }

    /**
     * Inbox, category or priority may have changed: the values are read as they are now, so however these events
     * interleave, the last one to run leaves the current values.
     */
    @ApplicationModuleListener
    void on(ConversationUpdated event) {
        apply(event.conversationId(), () -> conversations.find(event.conversationId()).ifPresent(this::details));
    }

    @ApplicationModuleListener
    void on(ConversationAssigned event) {
        if (event.assigneeId() != null) {
            apply(event.conversationId(), () -> people.assigned(event.conversationId(), event.assigneeId(), event.at()));
        }
    }

    @ApplicationModuleListener
    void on(MessageReceived event) {
        apply(event.conversationId(), () -> facts.customerMessage(event.conversationId(), event.messageId(),
                cut(event.text(), QUESTION_LENGTH)));
    }

    @ApplicationModuleListener
    void on(ReplyPosted event) {
        if (event.internal() || event.authorType() == AuthorType.CUSTOMER) {
            return;
        }
        apply(event.conversationId(), () -> {
            facts.reply(event.conversationId(), event.messageId(), event.at());
            if (event.authorType() == AuthorType.AGENT) {
                people.agentReplied(event.conversationId(), event.at());
            }
        });
    }

    @ApplicationModuleListener
    void on(ConversationStatusChanged event) {
        apply(event.conversationId(), () -> {
            if (event.to() == ConversationStatus.AI_RESOLVED) {
                facts.aiAnswered(event.conversationId(), event.at(), event.at().plus(DURABLE_AFTER));
            } else if (event.from() == ConversationStatus.AI_RESOLVED && event.to() == ConversationStatus.OPEN) {
                facts.reopened(event.conversationId(), event.at()); // only the customer writing again moves it so
            } else if (event.to() == ConversationStatus.RESOLVED) {
                facts.resolved(event.conversationId(), event.at());
            } else if (event.to() == ConversationStatus.IN_PROGRESS || event.to() == ConversationStatus.WAITING_CUSTOMER) {
                people.takenOver(event.conversationId());
            }
        });
    }

    @ApplicationModuleListener
    void on(ConversationEscalated event) {
        boolean gap = event.reason() == EscalationReason.LOW_CONFIDENCE || event.reason() == EscalationReason.NO_KNOWLEDGE;
        apply(event.conversationId(), () -> {
            facts.escalated(event.conversationId(), event.reason().name(), gap);
            people.escalated(event.conversationId(), event.at());
        });
    }

    /** "Did that help?" decided: confirmed or assumed (a "No" arrives as an escalation). */
    @ApplicationModuleListener
    void on(AnswerFeedbackRecorded event) {
        if (event.verdict() == AnswerVerdict.NOT_HELPFUL) {
            return;
        }
        apply(event.conversationId(), () -> facts.aiResolution(event.conversationId(), event.verdict().name(),
                event.at()));
    }

    /** The AI resolution's window passed without the customer reopening: it counts as durable. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void settleDurable(java.util.UUID conversationId, java.time.Instant now) {
        apply(conversationId, () -> facts.settleDurable(conversationId, now));
    }

    @ApplicationModuleListener
    void on(ConversationRated event) {
        apply(event.conversationId(), () -> facts.rated(event.conversationId(), event.rating()));
    }

    @ApplicationModuleListener
    void on(LlmCallRecorded event) {
        if (event.conversationId() == null) {
            return; // a call for no conversation (example questions for the knowledge base) counts in the totals only
        }
        apply(event.conversationId(), () -> facts.addUsage(event.conversationId(), event.callId(),
                event.inputTokens() + event.outputTokens(), event.costUsd().doubleValue()));
    }

    /**
     * Applies one change to the conversation's facts and the same difference to the daily rollups. The row is locked
     * first, so two listeners of one conversation take turns and each sees what the other wrote.
     */
    private void apply(UUID conversationId, Runnable update) {
        FactsRow before = lockOrStart(conversationId);
        update.run();
        rollUp(conversationId, before);
    }

    /**
     * The conversation's facts as they are before this change, locked; null when this change starts them. A change
     * may arrive before the conversation's start (listeners run side by side): the first one starts the row.
     */
    private FactsRow lockOrStart(UUID conversationId) {
        Optional<FactsRow> row = facts.lock(conversationId);
        if (row.isPresent()) {
            return row.get();
        }
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation != null && facts.started(conversationId, conversation.channel(), conversation.createdAt())) {
            details(conversation);
            return null;
        }
        return facts.lock(conversationId).orElse(null);
    }

    private void rollUp(UUID conversationId, FactsRow before) {
        FactsRow after = facts.load(conversationId).orElse(null);
        if (!Objects.equals(before, after)) {
            rollups.replace(before, after);
        }
    }

    private void details(Conversation c) {
        people.details(c.id(), c.inboxId(), c.category(), c.priority() == null ? null : c.priority().name());
    }
}
