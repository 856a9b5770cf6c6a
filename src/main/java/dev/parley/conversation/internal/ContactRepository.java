package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactHandle;
import dev.parley.conversation.PersonalTexts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Contact rows and their handles. Names, addresses and handles are sealed (ADR 0029); a handle is found by its
 * lookup hash (unique per kind under one key), rows from before encryption by their plain handle until the
 * background pass has sealed and hashed them.
 */
@Repository
public class ContactRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;
    private final SearchTerms terms;

    public ContactRepository(JdbcClient jdbc, PersonalTexts texts, SearchTerms terms) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.terms = terms;
    }

    public Optional<Contact> find(UUID id) {
        List<ContactHandle> handles = jdbc.sql("SELECT kind, handle FROM contact_handle WHERE contact_id = :id"
                        + " ORDER BY created_at, kind, id")
                .param("id", id)
                .query((rs, i) -> new ContactHandle(ContactHandle.Kind.valueOf(rs.getString("kind")),
                        texts.open(rs.getString("handle"), PersonalTexts.CONTACT_HANDLE)))
                .list();
        return jdbc.sql("SELECT * FROM contact WHERE id = :id").param("id", id)
                .query((rs, i) -> new Contact(rs.getObject("id", UUID.class),
                        texts.open(rs.getString("name"), PersonalTexts.CONTACT_NAME),
                        texts.open(rs.getString("email"), PersonalTexts.CONTACT_EMAIL),
                        texts.open(rs.getString("phone"), PersonalTexts.CONTACT_PHONE), handles,
                        instant(rs, "created_at")))
                .optional();
    }

    public Optional<UUID> byHandle(ContactHandle handle) {
        return jdbc.sql("""
                SELECT contact_id FROM contact_handle WHERE kind = :kind
                  AND (handle_hash IN (:hashes) OR (handle_hash IS NULL AND handle = :plain))
                ORDER BY id FETCH FIRST 1 ROWS ONLY""")
                .param("kind", handle.kind().name()).param("hashes", texts.handleHashes(handle))
                .param("plain", handle.value()).query(UUID.class).optional();
    }

    public UUID insert(UUID id, String name, String email, Instant now) {
        jdbc.sql("INSERT INTO contact (id, name, email, created_at, updated_at) VALUES (:id, :name, :email, :at, :at)")
                .param("id", id).param("name", texts.seal(name, PersonalTexts.CONTACT_NAME))
                .param("email", texts.seal(email, PersonalTexts.CONTACT_EMAIL)).param("at", toTimestamp(now)).update();
        return id;
    }

    /** Adds a handle unless some contact has it already (then the first owner keeps it). */
    public void addHandle(UUID contactId, ContactHandle handle, Instant now) {
        if (byHandle(handle).isPresent()) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO contact_handle (kind, handle, handle_hash, contact_id, created_at)
                    VALUES (:kind, :handle, :hash, :c, :at)""")
                    .param("kind", handle.kind().name())
                    .param("handle", texts.seal(handle.value(), PersonalTexts.CONTACT_HANDLE))
                    .param("hash", texts.handleHash(handle)).param("c", contactId)
                    .param("at", toTimestamp(now)).update();
        } catch (DuplicateKeyException raced) {
            // Another message of the same person added it a moment ago: nothing to do.
        }
    }

    /** Sets name and email where the contact has none yet; what an agent entered is never overwritten. */
    public void fillBlanks(UUID id, String name, String email, Instant now) {
        if (name != null) {
            jdbc.sql("UPDATE contact SET name = :name, updated_at = :at WHERE id = :id AND name IS NULL")
                    .param("id", id).param("name", texts.seal(name, PersonalTexts.CONTACT_NAME))
                    .param("at", toTimestamp(now)).update();
        }
        if (email != null) {
            jdbc.sql("UPDATE contact SET email = :email, updated_at = :at WHERE id = :id AND email IS NULL")
                    .param("id", id).param("email", texts.seal(email, PersonalTexts.CONTACT_EMAIL))
                    .param("at", toTimestamp(now)).update();
        }
    }

    /** An agent's correction; the contact's conversations show it (and are found by it) too. */
    public void update(UUID id, String name, String email, Instant now) {
        jdbc.sql("UPDATE contact SET name = :name, email = :email, updated_at = :at WHERE id = :id")
                .param("id", id).param("name", texts.seal(name, PersonalTexts.CONTACT_NAME))
                .param("email", texts.seal(email, PersonalTexts.CONTACT_EMAIL)).param("at", toTimestamp(now)).update();
        List<UUID> conversations = conversationIds(id);
        for (UUID conversation : conversations) {
            jdbc.sql("UPDATE conversation SET customer_name = :name, customer_email = :email WHERE id = :id")
                    .param("id", conversation).param("name", texts.seal(name, PersonalTexts.CUSTOMER_NAME))
                    .param("email", texts.seal(email, PersonalTexts.CUSTOMER_EMAIL)).update();
            terms.add(conversation, name, email);
        }
    }

    public List<UUID> conversationIds(UUID contactId) {
        return jdbc.sql("SELECT id FROM conversation WHERE contact_id = :id").param("id", contactId)
                .query(UUID.class).list();
    }
}
