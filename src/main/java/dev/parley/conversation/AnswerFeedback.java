package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.AnswerFeedbackRecorded;
import dev.parley.conversation.internal.AnswerFeedbackRepository;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Did that help?" after an AI answer. "Yes" confirms the AI resolution; "No" hands the conversation to people
 * ({@link EscalationReason#NOT_HELPFUL}); no click before the timeout counts as an assumed resolution. Only the
 * latest answer of a conversation still resolved by the assistant asks; a repeated click changes nothing.
 */
@Service
public class AnswerFeedback {

    static final String HANDED_OVER = "Sorry that didn't help. I've passed your conversation to our support team; "
            + "a person will reply here as soon as possible.";
    private static final int BATCH = 200;

    private final ConversationRepository conversations;
    private final AnswerFeedbackRepository feedback;
    private final Conversations api;
    private final Escalation escalation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AnswerFeedback(ConversationRepository conversations, AnswerFeedbackRepository feedback, Conversations api,
            Escalation escalation, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.conversations = conversations;
        this.feedback = feedback;
        this.api = api;
        this.escalation = escalation;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The customer's click; {@code handOver} is the system message posted when "No" handed the conversation over. */
    public record Result(UUID messageId, AnswerVerdict verdict, Conversation conversation, Optional<Message> handOver) {
    }

    @Transactional
    public Result record(UUID conversationId, UUID messageId, boolean helpful) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        AnswerVerdict wanted = helpful ? AnswerVerdict.CONFIRMED : AnswerVerdict.NOT_HELPFUL;
        AnswerFeedbackRepository.Row row = feedback.find(conversationId, messageId).orElseThrow(() ->
                api.message(messageId).filter(m -> m.conversationId().equals(conversationId)).isPresent()
                        ? ApiException.conflict("This message does not ask whether it helped")
                        : ApiException.notFound("Message " + messageId + " in conversation " + conversationId));
        if (row.verdict().filter(v -> v == wanted).isPresent()) {
            return new Result(messageId, wanted, conversation, Optional.empty()); // the same click again
        }
        boolean open = row.pending() || row.verdict().filter(v -> v == AnswerVerdict.ASSUMED).isPresent();
        if (!open || conversation.status() != ConversationStatus.AI_RESOLVED) {
            throw ApiException.conflict("This answer's feedback can no longer be changed");
        }
        Instant now = clock.instant();
        feedback.decide(messageId, wanted, now);
        events.publishEvent(new AnswerFeedbackRecorded(conversationId, messageId, wanted, now));
        if (helpful) {
            return new Result(messageId, wanted, conversation, Optional.empty());
        }
        Conversation escalated = escalation.escalate(conversation, EscalationReason.NOT_HELPFUL, null);
        Message handOver = api.postReply(conversationId, AuthorType.SYSTEM, null, "Support", HANDED_OVER, false);
        return new Result(messageId, wanted, api.get(escalated.id()), Optional.of(handOver));
    }

    /**
     * Answers given before the cutoff that nobody clicked count as resolved (assumed); an answer whose conversation
     * has moved on (escalated, resolved by a person) no longer asks. Returns how many were assumed.
     */
    public int assumeHelpfulBefore(Instant cutoff) {
        int assumed = 0;
        java.util.List<AnswerFeedbackRepository.Row> due;
        do {
            due = feedback.pendingBefore(cutoff, BATCH);
            for (AnswerFeedbackRepository.Row row : due) {
                assumed += Boolean.TRUE.equals(tx.execute(status -> assume(row))) ? 1 : 0;
            }
        } while (due.size() == BATCH); // every row leaves PENDING (assumed or dropped), so this ends
        return assumed;
    }

    private boolean assume(AnswerFeedbackRepository.Row row) {
        Optional<Conversation> conversation = conversations.lock(row.conversationId());
        Optional<AnswerFeedbackRepository.Row> current = feedback.find(row.conversationId(), row.messageId());
        if (current.isEmpty() || !current.get().pending()) {
            return false; // clicked or superseded meanwhile
        }
        if (conversation.isEmpty() || conversation.get().status() != ConversationStatus.AI_RESOLVED) {
            feedback.drop(row.messageId());
            return false;
        }
        Instant now = clock.instant();
        feedback.decide(row.messageId(), AnswerVerdict.ASSUMED, now);
        events.publishEvent(new AnswerFeedbackRecorded(row.conversationId(), row.messageId(), AnswerVerdict.ASSUMED, now));
        return true;
    }
}
