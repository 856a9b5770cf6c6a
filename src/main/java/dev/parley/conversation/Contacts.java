package dev.parley.conversation;

import dev.parley.conversation.ConversationEvents.ConversationUpdated;
import dev.parley.conversation.internal.ContactRepository;
import dev.parley.shared.ApiException;
import dev.parley.shared.CleanText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts: found again by any handle, so the same person on the widget and by email is one contact. */
@Service
public class Contacts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ContactRepository contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contacts(ContactRepository contacts, ApplicationEventPublisher events, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Contact> find(UUID id) {
        return id == null ? Optional.empty() : contacts.find(id);
    }

    public Contact get(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Contact " + id));
    }

    public Optional<Contact> byHandle(ContactHandle handle) {
        return contacts.byHandle(handle).flatMap(contacts::find);
    }

    /**
     * The contact of the first handle that is known, else a new contact with all handles. Known contacts gain
     * the handles they did not have yet (a widget visitor who leaves an email address is found by it later).
     */
    @Transactional
    public UUID resolve(List<ContactHandle> handles, String name) {
        Instant now = clock.instant();
        UUID contactId = handles.stream().map(contacts::byHandle).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> contacts.insert(UUID.randomUUID(), clean(name), emailOf(handles), now));
        for (ContactHandle handle : handles) {
            contacts.addHandle(contactId, handle, now);
        }
        contacts.fillBlanks(contactId, clean(name), emailOf(handles), now);
        return contactId;
    }

    /** Adds handles (and a name or email where the contact has none) to a known contact. */
    @Transactional
    public void attach(UUID contactId, List<ContactHandle> handles, String name) {
        Instant now = clock.instant();
        for (ContactHandle handle : handles) {
            contacts.addHandle(contactId, handle, now);
        }
        contacts.fillBlanks(contactId, clean(name), emailOf(handles), now);
    }

    /** An agent corrects a contact's name or email address; the contact's conversations show the new values. */
    @Transactional
    public Contact update(UUID id, String name, String email) {
        Contact current = get(id);
        String newName = clean(name);
        String newEmail = clean(email);
        if (newEmail != null && !newEmail.isBlank()) {
            if (!EMAIL.matcher(newEmail.strip()).matches() || newEmail.length() > 320) {
                throw ApiException.badRequest("email must be an email address");
            }
            newEmail = ContactHandle.email(newEmail).value();
            contacts.byHandle(ContactHandle.email(newEmail)).filter(other -> !other.equals(id)).ifPresent(other -> {
                throw ApiException.conflict("Another contact already has the address " + email.strip());
            });
        }
        if (newName != null && newName.length() > 200) {
            throw ApiException.badRequest("name must be at most 200 characters");
        }
        Instant now = clock.instant();
        String finalName = newName == null || newName.isBlank() ? current.name() : newName.strip();
        String finalEmail = newEmail == null || newEmail.isBlank() ? current.email() : newEmail;
        contacts.update(id, finalName, finalEmail, now);
        if (finalEmail != null) {
            contacts.addHandle(id, ContactHandle.email(finalEmail), now);
        }
        for (UUID conversationId : contacts.conversationIds(id)) {
            events.publishEvent(new ConversationUpdated(conversationId, now));
        }
        return get(id);
    }

    private static String emailOf(List<ContactHandle> handles) {
        return handles.stream().filter(h -> h.kind() == ContactHandle.Kind.EMAIL).map(ContactHandle::value)
                .findFirst().orElse(null);
    }

    private static String clean(String value) {
        String cleaned = CleanText.of(value);
        return cleaned == null || cleaned.isBlank() ? null : cleaned.strip();
    }
}
