package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.MessageReceived;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.internal.AnswerFeedbackRepository;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.MessageRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every customer message, from any channel, goes through here: it is stored first (and committed, so
 * it is never lost), then the assistant answers or escalates while the assistant owns the
 * conversation. The assistant runs outside any transaction, so a slow model holds no database lock.
 */
@Service
public class CustomerMessageFlow {

    static final String ASSISTANT_FAILURE_TEXT = "Sorry, I couldn't process that just now. I've passed your "
            + "message to our support team, and a person will reply here.";
    private static final Logger log = LoggerFactory.getLogger(CustomerMessageFlow.class);
    private static final int HISTORY = 20;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Conversations api;
    private final Escalation escalation;
    private final AssistantPort assistant;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ConversationSettings settings;
    private final Clock clock;
    private final Timer assistantLatency;
    private final TranscriptRedaction redaction;
    private final CustomerNotices notices;
    private final AnswerFeedbackRepository feedback;
    private final dev.parley.conversation.internal.AttachmentRepository attachments;
    private final dev.parley.storage.FileStorage storage;

    CustomerMessageFlow(ConversationRepository conversations, MessageRepository messages, Conversations api,
            Escalation escalation, AssistantPort assistant, ApplicationEventPublisher events, TransactionTemplate tx,
            ConversationSettings settings, Clock clock, MeterRegistry meters,
            ObjectProvider<TranscriptRedaction> redaction, CustomerNotices notices, AnswerFeedbackRepository feedback,
            dev.parley.conversation.internal.AttachmentRepository attachments, dev.parley.storage.FileStorage storage) {
        this.attachments = attachments;
        this.storage = storage;
        this.notices = notices;
        this.feedback = feedback;
        this.redaction = redaction.getIfAvailable(() -> text -> text);
        this.assistantLatency = Timer.builder("parley.assistant.latency")
                .description("Time the assistant takes to answer or escalate a customer message")
                .publishPercentileHistogram().register(meters);
        this.conversations = conversations;
        this.messages = messages;
        this.api = api;
        this.escalation = escalation;
        this.assistant = assistant;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public CustomerMessageResult receive(UUID conversationId, IncomingMessage incoming) {
        return receive(conversationId, incoming, List.of());
    }

    /**
     * A customer message with files (already checked by {@link AttachmentPolicy}). The files go to storage before
     * the transaction and their rows are written with the message, so whoever hears of the message finds its files;
     * a message without text says how many files it carries.
     */
    public CustomerMessageResult receive(UUID conversationId, IncomingMessage incoming, List<InboundAttachment> files) {
        String body = files.isEmpty() || (incoming.text() != null && !incoming.text().isBlank()) ? incoming.text()
                : InboundText.of(null, files.size(), settings.maxMessageLength(), null).body();
        String text = redaction.forStorage(MessageText.valid(body, settings.maxMessageLength()));
        String clientId = normalizeClientId(incoming.clientMessageId());
        UUID messageId = UUID.randomUUID();
        List<StoredAttachment> stored0 = new java.util.ArrayList<>();
        for (InboundAttachment file : files) {
            stored0.add(StoredAttachment.put(storage, messageId, file, stored0.size() + 1));
        }
        Stored stored;
        try {
            stored = tx.execute(status -> {
                Stored s = store(conversationId, messageId, text, clientId, null);
                if (!s.replayed()) {
                    Instant now = clock.instant();
                    stored0.forEach(f -> attachments.insert(f.attachment(), f.key().value(), now));
                }
                return s;
            });
        } catch (RuntimeException e) {
            stored0.forEach(f -> storage.delete(f.key()));
            throw e;
        }
        if (stored.replayed()) {
            stored0.forEach(f -> storage.delete(f.key()));
        }
        if (stored.replayed() || !stored.conversation().status().handledByAssistant()) {
            Optional<Message> reply = stored.replayed() ? messages.findReplyTo(stored.message().id())
                    : Optional.ofNullable(stored.notice());
            return new CustomerMessageResult(stored.message(), reply, api.get(conversationId), stored.replayed());
        }
        AssistantOutcome outcome = ask(new AssistantRequest(stored.conversation(), stored.message(), stored.history()));
        return tx.execute(status -> record(stored.message(), outcome));
    }

    private Stored store(UUID conversationId, String text, String clientId) {
        return store(conversationId, UUID.randomUUID(), text, clientId, null);
    }

    /** Stores a customer message in the caller's transaction (locks the conversation); used by inbound channels too. */
    Stored store(UUID conversationId, UUID messageId, String text, String clientId, String warning) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        if (clientId != null) {
            Optional<Message> earlier = messages.findByClientId(conversationId, clientId);
            if (earlier.isPresent()) {
                return new Stored(conversation, earlier.get(), List.of(), true, null);
            }
        }
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw ApiException.conflict("Conversation " + conversationId + " is closed; start a new conversation");
        }
        List<Message> history = messages.latestVisible(conversationId, HISTORY);
        Instant now = clock.instant();
        Message message = messages.insert(new Message(messageId, 0, conversationId, AuthorType.CUSTOMER,
                null, conversation.customer().displayName(), text, false, clientId, null, null, List.of(), now,
                warning));
        ConversationStatus next = statusAfterCustomerMessage(conversation);
        Conversation updated = conversation.withCustomerMessage(text, settings.subjectLength(), now);
        if (next != conversation.status()) {
            updated = updated.withStatus(next, now);
        }
        conversations.update(updated);
        events.publishEvent(new MessageReceived(conversationId, message.id(), message.seq(), updated.channel(),
                updated.assigneeId(), updated.subject(), message.authorName(), message.text(), message.clientMessageId(),
                now));
        if (next != conversation.status()) {
            events.publishEvent(new ConversationStatusChanged(conversationId, updated.channel(), conversation.status(),
                    next, now));
        }
        if (conversation.status() == ConversationStatus.AI_RESOLVED) {
            feedback.dropPending(conversationId); // writing again answers "did that help?" by itself
        }
        Message notice = notices.after(conversation.status(), updated, message).orElse(null);
        return new Stored(updated, message, history, false, notice);
    }

    /** The text as it may be stored (personal data redacted where the transcript redaction is on). */
    String forStorage(String text) {
        return redaction.forStorage(text);
    }

    /** A customer writing again reopens what was finished and wakes a conversation waiting on them. */
    static ConversationStatus statusAfterCustomerMessage(Conversation conversation) {
        return switch (conversation.status()) {
            case AI_RESOLVED -> ConversationStatus.OPEN;
            case RESOLVED -> conversation.assigneeId() != null ? ConversationStatus.IN_PROGRESS : ConversationStatus.OPEN;
            case WAITING_CUSTOMER -> ConversationStatus.IN_PROGRESS;
            default -> conversation.status();
        };
    }

    /**
     * Answers a stored customer message later, off the channel's inbound step (email, webhooks). Runs once per
     * message: a retry after an answer was recorded, or a person having taken over, changes nothing.
     */
    void answerLater(UUID conversationId, UUID messageId, AssistantMode mode) {
        Message message = messages.find(messageId).orElse(null);
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (message == null || conversation == null || !conversation.status().handledByAssistant()
                || messages.findReplyTo(messageId).isPresent()) {
            return;
        }
        List<Message> history = messages.latestVisible(conversationId, HISTORY + 1).stream()
                .filter(m -> m.seq() < message.seq()).toList();
        AssistantOutcome outcome = ask(new AssistantRequest(conversation, message, history));
        if (mode == AssistantMode.DRAFT) {
            tx.executeWithoutResult(status -> recordDraft(message, outcome));
        } else {
            tx.execute(status -> record(message, outcome));
        }
    }

    /** The assistant's answer becomes a note for agents; the conversation goes to people. */
    private void recordDraft(Message customerMessage, AssistantOutcome outcome) {
        Conversation conversation = conversations.lock(customerMessage.conversationId()).orElseThrow();
        if (!conversation.status().handledByAssistant()) {
            return;
        }
        Instant now = clock.instant();
        String note = (outcome.escalates() ? "The assistant would escalate (" + outcome.escalationReason() + "): "
                : String.format(java.util.Locale.ROOT, "Suggested answer (confidence %.2f): ", outcome.confidence()))
                + outcome.replyText() + (outcome.agentNote() == null ? "" : "\n\n" + outcome.agentNote());
        Message draft = messages.insert(new Message(UUID.randomUUID(), 0, conversation.id(), AuthorType.ASSISTANT,
                null, "Assistant", redaction.forStorage(note), true, null, customerMessage.id(), outcome.confidence(),
                outcome.sources(), now));
        events.publishEvent(ReplyPosted.of(draft, conversation.channel()));
        escalation.escalate(conversation, outcome.escalates() ? outcome.escalationReason()
                : EscalationReason.ASSISTANT_OFF, outcome.confidence());
    }

    private AssistantOutcome ask(AssistantRequest request) {
        Timer.Sample sample = Timer.start();
        try {
            AssistantOutcome outcome = assistant.handle(request);
            sample.stop(assistantLatency);
            return outcome;
        } catch (RuntimeException e) {
            sample.stop(assistantLatency);
            log.error("Assistant failed on conversation {}; escalating", request.conversation().id(), e);
            return AssistantOutcome.escalate(EscalationReason.ASSISTANT_ERROR, ASSISTANT_FAILURE_TEXT, 0.0);
        }
    }

    private CustomerMessageResult record(Message customerMessage, AssistantOutcome outcome) {
        UUID conversationId = customerMessage.conversationId();
        Conversation conversation = conversations.lock(conversationId).orElseThrow();
        if (!conversation.status().handledByAssistant()) {
            // A person took over while the assistant was thinking: their word wins, the answer is dropped.
            return new CustomerMessageResult(customerMessage, Optional.empty(), conversation, false);
        }
        Instant now = clock.instant();
        Message reply = messages.insert(new Message(UUID.randomUUID(), 0, conversationId, AuthorType.ASSISTANT, null,
                "Assistant", redaction.forStorage(outcome.replyText()), false, null, customerMessage.id(), outcome.confidence(),
                outcome.sources(), now));
        Conversation answered = conversation.withReplyAt(now);
        conversations.update(answered);
        events.publishEvent(ReplyPosted.of(reply, conversation.channel()));
        Conversation result;
        if (outcome.escalates()) {
            if (outcome.agentNote() != null) {
                noteForAgents(conversation, outcome, now);
            }
            result = escalation.escalate(answered, outcome.escalationReason(), outcome.confidence());
        } else if (outcome.awaitsCustomer()) {
            result = answered; // a question: the customer's next message answers it, nothing is resolved yet
        } else {
            result = answered.withStatus(ConversationStatus.AI_RESOLVED, now);
            conversations.update(result);
            feedback.ask(conversationId, reply.id(), now);
            events.publishEvent(new ConversationStatusChanged(conversationId, answered.channel(), answered.status(),
                    ConversationStatus.AI_RESOLVED, now));
        }
        return new CustomerMessageResult(customerMessage, Optional.of(reply), result, false);
    }

    /** What the assistant tried (an action's failure, say), for the person taking over; never shown to the customer. */
    private void noteForAgents(Conversation conversation, AssistantOutcome outcome, Instant now) {
        Message note = messages.insert(new Message(UUID.randomUUID(), 0, conversation.id(), AuthorType.ASSISTANT, null,
                "Assistant", redaction.forStorage(outcome.agentNote()), true, null, null, null,
                List.of(), now));
        events.publishEvent(ReplyPosted.of(note, conversation.channel()));
    }

    private static String normalizeClientId(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return null;
        }
        if (clientId.length() > 100) {
            throw ApiException.badRequest("clientMessageId must be at most 100 characters");
        }
        return clientId;
    }

    /** A stored customer message; {@code notice} is the system notice it got when it went to people (else null). */
    record Stored(Conversation conversation, Message message, List<Message> history, boolean replayed, Message notice) {
    }
}
