package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.Contact;
import dev.parley.conversation.ContactHandle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contact rows and their handles. A handle belongs to one contact (primary key kind + handle). */
@Repository
public class ContactRepository {

    private final JdbcClient jdbc;

    public ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(UUID id) {
        List<ContactHandle> handles = jdbc.sql("SELECT kind, handle FROM contact_handle WHERE contact_id = :id"
                        + " ORDER BY created_at, kind, handle")
                .param("id", id)
                .query((rs, i) -> new ContactHandle(ContactHandle.Kind.valueOf(rs.getString("kind")),
                        rs.getString("handle")))
                .list();
        return jdbc.sql("SELECT * FROM contact WHERE id = :id").param("id", id)
                .query((rs, i) -> new Contact(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("email"), rs.getString("phone"), handles, instant(rs, "created_at")))
                .optional();
    }

    public Optional<UUID> byHandle(ContactHandle handle) {
        return jdbc.sql("SELECT contact_id FROM contact_handle WHERE kind = :kind AND handle = :handle")
                .param("kind", handle.kind().name()).param("handle", handle.value()).query(UUID.class).optional();
    }

    public UUID insert(UUID id, String name, String email, Instant now) {
        jdbc.sql("INSERT INTO contact (id, name, email, created_at, updated_at) VALUES (:id, :name, :email, :at, :at)")
                .param("id", id).param("name", name).param("email", email).param("at", toTimestamp(now)).update();
        return id;
    }

    /** Adds a handle unless some contact has it already (then the first owner keeps it). */
    public void addHandle(UUID contactId, ContactHandle handle, Instant now) {
        if (byHandle(handle).isPresent()) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO contact_handle (kind, handle, contact_id, created_at) VALUES (:kind, :handle, :c, :at)")
                    .param("kind", handle.kind().name()).param("handle", handle.value()).param("c", contactId)
                    .param("at", toTimestamp(now)).update();
        } catch (DuplicateKeyException raced) {
            // Another message of the same person added it a moment ago: nothing to do.
        }
    }

    /** Sets name and email where the contact has none yet; what an agent entered is never overwritten. */
    public void fillBlanks(UUID id, String name, String email, Instant now) {
        if (name != null) {
            jdbc.sql("UPDATE contact SET name = :name, updated_at = :at WHERE id = :id AND name IS NULL")
                    .param("id", id).param("name", name).param("at", toTimestamp(now)).update();
        }
        if (email != null) {
            jdbc.sql("UPDATE contact SET email = :email, updated_at = :at WHERE id = :id AND email IS NULL")
                    .param("id", id).param("email", email).param("at", toTimestamp(now)).update();
        }
    }

    /** An agent's correction; the contact's conversations show it too. */
    public void update(UUID id, String name, String email, Instant now) {
        jdbc.sql("UPDATE contact SET name = :name, email = :email, updated_at = :at WHERE id = :id")
                .param("id", id).param("name", name).param("email", email).param("at", toTimestamp(now)).update();
        jdbc.sql("UPDATE conversation SET customer_name = :name, customer_email = :email WHERE contact_id = :id")
                .param("id", id).param("name", name).param("email", email).update();
    }

    public List<UUID> conversationIds(UUID contactId) {
        return jdbc.sql("SELECT id FROM conversation WHERE contact_id = :id").param("id", contactId)
                .query(UUID.class).list();
    }
}
