package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.AnswerRequested;
import dev.parley.conversation.CustomerMessageFlow.Stored;
import dev.parley.conversation.internal.AttachmentRepository;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.ThreadRepository;
import dev.parley.storage.FileStorage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one call through which channels hand over customer messages. A message is taken once per inbox and
 * external id; it joins the conversation its thread keys name (unless that one is closed, or cannot be decrypted
 * any more), else starts one for the contact. The assistant answers later, off the channel's inbound step, as the
 * inbox's mode says.
 */
@Service
public class InboundMessages {

    private final Inboxes inboxes;
    private final Contacts contacts;
    private final Conversations api;
    private final CustomerMessageFlow flow;
    private final ConversationRepository conversations;
    private final ThreadRepository threads;
    private final AttachmentRepository attachments;
    private final FileStorage storage;
    private final Escalation escalation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ConversationSettings settings;
    private final Clock clock;

    InboundMessages(Inboxes inboxes, Contacts contacts, Conversations api, CustomerMessageFlow flow,
            ConversationRepository conversations, ThreadRepository threads, AttachmentRepository attachments,
            FileStorage storage, Escalation escalation, ApplicationEventPublisher events, TransactionTemplate tx,
            ConversationSettings settings, Clock clock) {
        this.inboxes = inboxes;
        this.contacts = contacts;
        this.api = api;
        this.flow = flow;
        this.conversations = conversations;
        this.threads = threads;
        this.attachments = attachments;
        this.storage = storage;
        this.escalation = escalation;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public InboundResult receive(InboundMessage in) {
        Inbox inbox = inboxes.get(in.inboxId());
        if (in.externalId() != null) {
            Optional<InboundResult> earlier = earlier(in);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        UUID messageId = UUID.randomUUID();
        List<StoredAttachment> files = save(messageId, in.attachments());
        Text text = InboundText.of(in.text(), in.attachments().size(), settings.maxMessageLength(), in.warning());
        try {
            return tx.execute(status -> store(inbox, in, messageId, text, files));
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // The same message arrived twice at once (two nodes polling): the other copy won.
            files.forEach(f -> storage.delete(f.key()));
            return earlier(in).orElseThrow(() -> raced);
        }
    }

    private Optional<InboundResult> earlier(InboundMessage in) {
        return threads.inboundMessage(in.inboxId(), in.externalId()).flatMap(api::message)
                .map(m -> new InboundResult(api.get(m.conversationId()), m, false, true));
    }

    private InboundResult store(Inbox inbox, InboundMessage in, UUID messageId, Text text, List<StoredAttachment> files) {
        Instant now = clock.instant();
        Optional<UUID> named = Optional.ofNullable(in.conversationId())
                .or(() -> threads.conversationOf(inbox.id(), in.threadKeys()));
        Optional<Conversation> found = named.flatMap(conversations::findReadable);
        Optional<UUID> existing = found.filter(c -> c.status() != ConversationStatus.CLOSED).map(Conversation::id);
        UUID conversationId = existing.orElseGet(() -> startFor(inbox, in).id());
        if (named.isPresent() && found.isEmpty()) { // the thread goes on in the new one, not in a new one per message
            threads.moveKeys(inbox.id(), named.get(), conversationId);
        }
        Stored stored = flow.store(conversationId, messageId, flow.forStorage(text.body()), null, text.warning());
        if (in.externalId() != null) {
            threads.recordInbound(inbox.id(), in.externalId(), messageId);
            threads.addKey(inbox.id(), in.externalId(), conversationId, now);
        }
        for (String key : in.threadKeys()) {
            threads.addKey(inbox.id(), key, conversationId, now);
        }
        for (StoredAttachment file : files) {
            attachments.insert(file.attachment(), file.key().value(), now);
        }
        Conversation conversation = stored.conversation();
        // An answer by mail to a chat continues the chat: the conversation's own inbox says how the assistant acts.
        AssistantMode mode = conversation.inboxId().equals(inbox.id()) ? inbox.assistantMode()
                : inboxes.find(conversation.inboxId()).map(Inbox::assistantMode).orElse(inbox.assistantMode());
        if (conversation.status().handledByAssistant()) {
            if (mode == AssistantMode.OFF) {
                conversation = escalation.escalate(conversation, EscalationReason.ASSISTANT_OFF, null);
            } else {
                events.publishEvent(new AnswerRequested(conversationId, messageId, mode, now));
            }
        }
        return new InboundResult(conversation, stored.message(), existing.isEmpty(), false);
    }

    private Conversation startFor(Inbox inbox, InboundMessage in) {
        UUID contactId = contacts.resolve(in.from(), in.contactName());
        Contact contact = contacts.get(contactId);
        Customer customer = new Customer(contact.name() != null ? contact.name() : in.contactName(),
                contact.email(), null);
        return api.start(new NewConversation(inbox.channelType(), inbox.id(), customer, SourceDetails.none(), null),
                contactId, in.subject()).conversation();
    }

    /** Files go to storage before the transaction, so a slow store holds no lock; a failed insert removes them. */
    private List<StoredAttachment> save(UUID messageId, List<InboundAttachment> files) {
        List<StoredAttachment> saved = new ArrayList<>();
        int n = 0;
        for (InboundAttachment file : files) {
            saved.add(StoredAttachment.put(storage, messageId, file, ++n));
        }
        return saved;
    }

    record Text(String body, String warning) {
    }
}
