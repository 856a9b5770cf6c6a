package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ContactErased;
import dev.parley.conversation.ConversationEvents.ConversationsExpired;
import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.internal.PersonalDataRepository;
import dev.parley.shared.AfterCommit;
import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact's rights over their data (GDPR): a copy of everything kept about them, and erasure. Erasure anonymises
 * rather than deletes, so the conversations still count in the figures while no personal text remains.
 */
@Service
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

    private final Contacts contacts;
    private final PersonalDataRepository repository;
    private final FileStorage storage;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalData(Contacts contacts, PersonalDataRepository repository, FileStorage storage,
            ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.repository = repository;
        this.storage = storage;
        this.events = events;
        this.clock = clock;
    }

    /** 404 problem for an unknown contact. */
    @Transactional(readOnly = true)
    public ContactExport export(UUID contactId) {
        Contact contact = contacts.get(contactId);
        List<ContactExport.ConversationRecord> conversations = repository.conversations(contactId).stream()
                .map(c -> new ContactExport.ConversationRecord(c.id(), c.channel(), c.inboxId(), c.inboxName(),
                        c.status(), c.subject(), c.createdAt(), c.resolvedAt(), repository.visibleMessages(c.id()),
                        c.csat()))
                .toList();
        return new ContactExport(clock.instant(), new ContactExport.Person(contact.id(), contact.name(),
                contact.email(), contact.phone(), contact.handles(), contact.createdAt()), conversations);
    }

    /**
     * Anonymises the contact and their conversations in one transaction and tells other modules to erase their
     * copies. The attachment files go once the rows are gone for good (after commit), so a rollback loses no file.
     * Erasing again is harmless. Returns the conversations touched; 404 problem for an unknown contact.
     */
    @Transactional
    public List<UUID> erase(UUID contactId) {
        contacts.get(contactId);
        Instant now = clock.instant();
        List<UUID> conversationIds = repository.conversationIds(contactId);
        List<String> files = repository.attachmentKeys(contactId);
        chunks(conversationIds).forEach(chunk -> repository.anonymise(chunk, now));
        repository.eraseContact(contactId, now);
        events.publishEvent(new ContactErased(contactId, conversationIds, now));
        conversationIds.forEach(id -> events.publishEvent(new ConversationUpdated(id, now)));
        deleteAfterCommit(files);
        return conversationIds;
    }

    /**
     * Retention: anonymises up to {@code limit} finished conversations last touched before the cutoff (the oldest
     * first), then erases the details of contacts unchanged since the cutoff who have no conversation kept any more.
     * Other modules erase their copies from {@link ConversationsExpired}. Call again until it returns nothing.
     */
    @Transactional
    public Expiry expire(Instant cutoff, int limit) {
        Instant now = clock.instant();
        List<UUID> conversationIds = repository.expired(cutoff, limit);
        List<String> files = repository.attachmentKeys(conversationIds);
        repository.anonymise(conversationIds, now);
        List<UUID> contactIds = repository.contactsWithNothingKept(cutoff, limit);
        contactIds.forEach(id -> repository.eraseContact(id, now));
        if (!conversationIds.isEmpty()) {
            events.publishEvent(new ConversationsExpired(conversationIds, now));
        }
        deleteAfterCommit(files);
        return new Expiry(conversationIds, contactIds);
    }

    /** What one retention step anonymised. */
    public record Expiry(List<UUID> conversationIds, List<UUID> contactIds) {

        public boolean isEmpty() {
            return conversationIds.isEmpty() && contactIds.isEmpty();
        }
    }

    private static List<List<UUID>> chunks(List<UUID> ids) {
        int size = 500;
        return java.util.stream.IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size))).toList();
    }

    private void deleteAfterCommit(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> files.forEach(this::deleteFile));
    }

    private void deleteFile(String key) {
        try {
            storage.delete(StorageKey.of(key));
        } catch (RuntimeException e) {
            log.warn("Could not delete the erased attachment {}: {}", key, e.getMessage());
        }
    }
}
