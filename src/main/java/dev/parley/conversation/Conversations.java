package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationStarted;
import dev.parley.conversation.ConversationEvents.ConversationStatusChanged;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import dev.parley.conversation.internal.ConversationRepository;
import dev.parley.conversation.internal.MessageRepository;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The conversation module's API: start conversations, read them, post replies and move them along. */
@Service
public class Conversations {

    /** The longest subject an agent may give (the column holds 200). */
    public static final int MAX_SUBJECT = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ApplicationEventPublisher events;
    private final ConversationSettings settings;
    private final Escalation escalation;
    private final Clock clock;
    private final Contacts contacts;
    private final dev.parley.conversation.internal.ThreadRepository threads;
    private final VerifiedCustomers verifiedCustomers;

    Conversations(ConversationRepository conversations, MessageRepository messages, ApplicationEventPublisher events,
            ConversationSettings settings, Escalation escalation, Clock clock, Contacts contacts,
            dev.parley.conversation.internal.ThreadRepository threads, VerifiedCustomers verifiedCustomers) {
        this.verifiedCustomers = verifiedCustomers;
        this.contacts = contacts;
        this.threads = threads;
        this.escalation = escalation;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public StartedConversation start(NewConversation request) {
        Customer customer = request.customer() == null ? Customer.anonymous() : request.customer();
        List<ContactHandle> handles = new java.util.ArrayList<>();
        VerifiedCustomer verified = request.verified();
        if (verified != null) {
            // The site's own id finds the customer first: the same person on another device is one contact.
            UUID inbox = request.inboxId() == null ? Inboxes.WEBSITE_CHAT : request.inboxId();
            handles.add(new ContactHandle(ContactHandle.Kind.EXTERNAL, inbox + ":" + verified.customerId()));
        }
        handles.addAll(handlesOf(customer));
        StartedConversation started = start(request, contacts.resolve(handles, customer.name()), null);
        if (verified != null) {
            verifiedCustomers.record(started.conversation().id(), verified);
        }
        return started;
    }

    /** Starts a conversation of a known contact, with the channel's subject when it has one. */
    StartedConversation start(NewConversation request, UUID contactId, String subject) {
        String category = normalizeCategory(request.category());
        Instant now = clock.instant();
        Customer customer = request.customer() == null ? Customer.anonymous() : request.customer();
        SourceDetails source = request.source() == null ? SourceDetails.none() : request.source();
        UUID inboxId = request.inboxId() == null ? Inboxes.WEBSITE_CHAT : request.inboxId();
        Conversation conversation = new Conversation(UUID.randomUUID(), request.channel(), inboxId, contactId,
                ConversationStatus.OPEN, Priority.MEDIUM, category, Subjects.clean(subject, settings.subjectLength()),
                customer, source, null, null, null, now, now, null, null, null, null);
        conversations.insert(conversation);
        events.publishEvent(new ConversationStarted(conversation.id(), conversation.channel(), now));
        return new StartedConversation(conversation);
    }

    private static List<ContactHandle> handlesOf(Customer customer) {
        List<ContactHandle> handles = new java.util.ArrayList<>();
        if (customer.email() != null && !customer.email().isBlank()) {
            handles.add(ContactHandle.email(customer.email()));
        }
        if (customer.visitorId() != null && !customer.visitorId().isBlank()) {
            handles.add(ContactHandle.visitor(customer.visitorId()));
        }
        return handles;
    }

    public Optional<Conversation> find(UUID id) {
        return conversations.find(id);
    }

    public Conversation get(UUID id) {
        return conversations.find(id).orElseThrow(() -> ApiException.notFound("Conversation " + id));
    }

    /** What the customer may see: messages after the cursor, never internal notes. */
    public List<Message> visibleMessages(UUID conversationId, long afterSeq, int limit) {
        return messages.after(conversationId, afterSeq, limit, false);
    }

    /** Everything, internal notes included: the agents' view. */
    public List<Message> transcript(UUID conversationId, long afterSeq, int limit) {
        return messages.after(conversationId, afterSeq, limit, true);
    }

    /**
     * {@link #visibleMessages} for the customer to read: a message whose texts cannot be decrypted (its key is
     * gone) reads {@link PersonalTexts#UNREADABLE} instead of failing the whole chat. Never store or send it on.
     */
    public List<Message> visibleMessagesToShow(UUID conversationId, long afterSeq, int limit) {
        return messages.afterToShow(conversationId, afterSeq, limit, false);
    }

    /** {@link #transcript} for an agent to read, a message that cannot be decrypted reading as unreadable. */
    public List<Message> transcriptToShow(UUID conversationId, long afterSeq, int limit) {
        return messages.afterToShow(conversationId, afterSeq, limit, true);
    }

    /** The conversation (not closed, readable) that one of the thread keys names in the inbox, if any. */
    public Optional<UUID> findByThread(UUID inboxId, List<String> keys) {
        return threads.conversationOf(inboxId, keys)
                .filter(id -> conversations.findReadable(id).map(c -> c.status() != ConversationStatus.CLOSED)
                        .orElse(false));
    }

    /** The keys the conversation's channel finds it by (an email thread's Message-IDs), oldest first. */
    public List<String> threadKeys(UUID conversationId) {
        return threads.keys(conversationId);
    }

    /**
     * Makes an inbox find this conversation by the keys (a mail's Message-ID, a ticket token), also when the
     * conversation belongs to another inbox: a chat continued by email is answered into the email inbox.
     */
    @Transactional
    public void addThreadKeys(UUID conversationId, UUID inboxId, List<String> keys) {
        Instant now = clock.instant();
        keys.forEach(key -> threads.addKey(inboxId, key, conversationId, now));
    }

    public Optional<Message> message(UUID messageId) {
        return messages.find(messageId);
    }

    /** Posts an agent or system message (or an internal note). A visible agent reply counts as a response. */
    @Transactional
    public Message postReply(UUID conversationId, AuthorType author, UUID authorId, String authorName, String text,
            boolean internal) {
        if (author == AuthorType.CUSTOMER) {
            throw new IllegalArgumentException("Customer messages go through CustomerMessageFlow");
        }
        String body = MessageText.valid(text, settings.maxMessageLength());
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        if (conversation.status() == ConversationStatus.CLOSED && !internal) {
            throw ApiException.conflict("Conversation " + conversationId + " is closed; reopen it to reply");
        }
        Instant now = clock.instant();
        Message stored = messages.insert(new Message(UUID.randomUUID(), 0, conversationId, author, authorId,
                authorName, body, internal, null, null, null, List.of(), now));
        if (!internal) {
            conversations.update(conversation.withReplyAt(now));
        }
        if (!internal && author == AuthorType.AGENT) {
            conversations.resetWaitingNotice(conversationId); // answered: if the customer waits again, tell them again
        }
        events.publishEvent(ReplyPosted.of(stored, conversation.channel()));
        return stored;
    }

    @Transactional
    public Conversation changeStatus(UUID conversationId, ConversationStatus target) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        if (conversation.status() == target) {
            return conversation;
        }
        if (target == ConversationStatus.ESCALATED) {
            // A person moving it to the queue is an escalation like any other: counted, with its reason.
            return escalation.escalate(conversation, EscalationReason.MANUAL, null);
        }
        if (!conversation.status().canMoveTo(target)) {
            throw ApiException.conflict("A conversation cannot move from " + conversation.status() + " to " + target);
        }
        Instant now = clock.instant();
        Conversation moved = conversation.withStatus(target, now);
        conversations.update(moved);
        events.publishEvent(new ConversationStatusChanged(conversationId, moved.channel(), conversation.status(),
                target, now));
        return moved;
    }

    /** Hands the conversation to people, with the reason agents will see. */
    @Transactional
    public Conversation escalate(UUID conversationId, EscalationReason reason, Double confidence) {
        Conversation conversation = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        return escalation.escalate(conversation, reason, confidence);
    }

    /**
     * Records that one side has seen the messages up to {@code upToSeq}. Markers only move forward, so a
     * late or repeated receipt changes nothing.
     */
    @Transactional
    public void markRead(UUID conversationId, Reader reader, long upToSeq) {
        if (conversations.find(conversationId).isEmpty()) {
            throw ApiException.notFound("Conversation " + conversationId);
        }
        if (conversations.advanceReadMarker(conversationId, reader, upToSeq)) {
            events.publishEvent(new ConversationEvents.MessagesRead(conversationId, reader, upToSeq, clock.instant()));
        }
    }

    /** The highest message seq the given side has seen. */
    public long readMarker(UUID conversationId, Reader reader) {
        return conversations.readMarker(conversationId, reader);
    }

    /** Records how to reach the customer (e.g. to continue by email when no agent is online). */
    @Transactional
    public Conversation updateCustomer(UUID conversationId, String name, String email) {
        Conversation c = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        Customer customer = new Customer(name != null && !name.isBlank() ? name.strip() : c.customer().name(),
                email != null && !email.isBlank() ? email.strip() : c.customer().email(), c.customer().visitorId());
        Conversation updated = c.withCustomer(customer, clock.instant());
        conversations.update(updated);
        if (customer.email() != null && !customer.email().equalsIgnoreCase(String.valueOf(c.customer().email()))) {
            // A known address joins the conversation to that person; a new one is added to this contact.
            ContactHandle handle = ContactHandle.email(customer.email());
            Optional<UUID> owner = contacts.byHandle(handle).map(Contact::id);
            if (owner.isPresent() && !owner.get().equals(c.contactId())) {
                conversations.moveToContact(conversationId, owner.get());
            } else if (owner.isEmpty() && c.contactId() != null) {
                contacts.attach(c.contactId(), List.of(handle), customer.name());
            }
        }
        events.publishEvent(new ConversationUpdated(conversationId, updated.updatedAt()));
        return updated;
    }

    /** Changes priority, category, assignee or team; {@code null} keeps a field as it is. */
    @Transactional
    public Conversation update(UUID conversationId, ConversationChanges changes) {
        return update(conversationId, changes, null);
    }

    /** The same, done by agent {@code byAgentId} (null: automatically), which the assignment's event tells. */
    @Transactional
    public Conversation update(UUID conversationId, ConversationChanges changes, UUID byAgentId) {
        Conversation c = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        Conversation updated = c.withDetails(
                changes.priority() != null ? changes.priority() : c.priority(),
                changes.category() != null ? normalizeCategory(changes.category()) : c.category(),
                changes.clearAssignee() ? null : changes.assigneeId() != null ? changes.assigneeId() : c.assigneeId(),
                changes.clearTeam() ? null : changes.teamId() != null ? changes.teamId() : c.teamId(),
                clock.instant());
        conversations.update(updated);
        boolean reassigned = !java.util.Objects.equals(c.assigneeId(), updated.assigneeId());
        if (!reassigned || detailsChanged(c, updated)) { // an assignment alone is told by its own event
            events.publishEvent(new ConversationUpdated(conversationId, updated.updatedAt()));
        }
        if (reassigned) {
            events.publishEvent(new ConversationEvents.ConversationAssigned(conversationId, updated.assigneeId(),
                    c.assigneeId(), updated.subject(), updated.customer().displayName(), updated.updatedAt(),
                    byAgentId));
        }
        return updated;
    }

    private static boolean detailsChanged(Conversation before, Conversation after) {
        return before.priority() != after.priority() || !java.util.Objects.equals(before.category(), after.category())
                || !java.util.Objects.equals(before.teamId(), after.teamId());
    }

    /**
     * Assigns a conversation nobody holds, for a caller that decides under a lock of its own (capacity under the
     * assignment lock): the assignment's events are recorded first, {@code decide} runs next (it takes the lock and
     * may throw to refuse) and the row is written last, in one conditional statement, so the lock is held for the
     * decision and that statement rather than for the event records. {@code c} is the caller's read of the
     * conversation (the update checks again). Runs in the caller's transaction; throws {@link AlreadyAssigned} when
     * someone holds the conversation by then, so nothing of it is kept.
     */
    @Transactional
    public void assignUnassigned(Conversation c, UUID agentId, Runnable decide) {
        UUID conversationId = c.id();
        if (c.assigneeId() != null) {
            throw new AlreadyAssigned(conversationId);
        }
        Instant now = clock.instant();
        events.publishEvent(new ConversationEvents.ConversationAssigned(conversationId, agentId, null, c.subject(),
                c.customer().displayName(), now, agentId));
        decide.run();
        if (!conversations.assignIfUnassigned(conversationId, agentId, now)) {
            throw new AlreadyAssigned(conversationId);
        }
    }

    /** An agent's own subject for the conversation: one line, 1 to {@value #MAX_SUBJECT} characters. */
    @Transactional
    public Conversation changeSubject(UUID conversationId, String subject, UUID agentId) {
        String cleaned = dev.parley.shared.CleanText.of(subject);
        String valid = cleaned == null ? "" : cleaned.strip().replaceAll("\\s+", " ");
        if (valid.isEmpty()) {
            throw ApiException.badRequest("subject must not be empty");
        }
        if (valid.length() > MAX_SUBJECT) {
            throw ApiException.badRequest("subject has at most " + MAX_SUBJECT + " characters");
        }
        Conversation c = conversations.lock(conversationId)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        if (valid.equals(c.subject())) {
            return c;
        }
        Conversation updated = c.withSubject(valid, clock.instant());
        conversations.update(updated);
        events.publishEvent(new ConversationEvents.SubjectChanged(conversationId, c.subject(), valid, agentId,
                updated.updatedAt()));
        events.publishEvent(new ConversationUpdated(conversationId, updated.updatedAt()));
        return updated;
    }

    /** The categories a conversation may be filed under (setting {@code parley.conversation.categories}). */
    public List<String> categories() {
        return settings.categories();
    }

    private String normalizeCategory(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String normalized = category.strip().toLowerCase(java.util.Locale.ROOT);
        if (!settings.categories().contains(normalized)) {
            throw ApiException.badRequest("category must be one of " + settings.categories());
        }
        return normalized;
    }
}
