package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.ContactExport.ConversationRecord;
import dev.parley.conversation.ContactExport.MessageRecord;
import dev.parley.conversation.ContactExport.Rating;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A contact's personal data across the conversation tables: read for an export, anonymised for an erasure. */
@Repository
public class PersonalDataRepository {

    /** What every erased text reads afterwards. */
    public static final String ERASED = "(erased)";

    private static final String OF_CONTACT = "(SELECT id FROM conversation WHERE contact_id = :c)";

    private final JdbcClient jdbc;

    public PersonalDataRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ConversationRecord> conversations(UUID contactId) {
        return jdbc.sql("""
                SELECT c.id, c.channel, c.inbox_id, i.name AS inbox_name, c.status, c.subject, c.created_at,
                       c.resolved_at, r.rating, r.comment, r.created_at AS rated_at
                FROM conversation c LEFT JOIN inbox i ON i.id = c.inbox_id
                LEFT JOIN csat_rating r ON r.conversation_id = c.id
                WHERE c.contact_id = :c ORDER BY c.created_at, c.id""")
                .param("c", contactId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    int rating = rs.getInt("rating");
                    Rating csat = rs.wasNull() ? null
                            : new Rating(rating, rs.getString("comment"), instant(rs, "rated_at"));
                    return new ConversationRecord(id, rs.getString("channel"), rs.getObject("inbox_id", UUID.class),
                            rs.getString("inbox_name"), rs.getString("status"), rs.getString("subject"),
                            instant(rs, "created_at"), instant(rs, "resolved_at"), List.of(), csat);
                })
                .list();
    }

    /** The messages the customer could see: no internal notes. */
    public List<MessageRecord> visibleMessages(UUID conversationId) {
        return jdbc.sql("""
                SELECT author_type, author_name, body, created_at FROM message
                WHERE conversation_id = :c AND internal = FALSE ORDER BY seq""")
                .param("c", conversationId)
                .query((rs, row) -> new MessageRecord(rs.getString("author_type"), rs.getString("author_name"),
                        rs.getString("body"), instant(rs, "created_at")))
                .list();
    }

    public List<UUID> conversationIds(UUID contactId) {
        return jdbc.sql("SELECT id FROM conversation WHERE contact_id = :c ORDER BY created_at, id")
                .param("c", contactId).query(UUID.class).list();
    }

    public List<String> attachmentKeys(UUID contactId) {
        return jdbc.sql("SELECT a.storage_key FROM message_attachment a JOIN message m ON m.id = a.message_id"
                        + " WHERE m.conversation_id IN " + OF_CONTACT)
                .param("c", contactId).query(String.class).list();
    }

    /**
     * Anonymises in place: every text of the contact's conversations (replies and notes quote the customer), the
     * copies of name and address on the conversation rows, the contact's details and handles. Running it again
     * changes nothing more.
     */
    public void erase(UUID contactId, Instant now) {
        update("DELETE FROM message_attachment WHERE message_id IN (SELECT id FROM message WHERE conversation_id IN "
                + OF_CONTACT + ")", contactId);
        jdbc.sql("UPDATE message SET body = :erased, author_name = CASE WHEN author_type = 'CUSTOMER' THEN NULL"
                        + " ELSE author_name END, warning = NULL WHERE conversation_id IN " + OF_CONTACT)
                .param("erased", ERASED).param("c", contactId).update();
        update("UPDATE message_delivery SET last_error = NULL WHERE conversation_id IN " + OF_CONTACT, contactId);
        update("UPDATE csat_rating SET comment = NULL WHERE conversation_id IN " + OF_CONTACT, contactId);
        update("DELETE FROM conversation_source WHERE conversation_id IN " + OF_CONTACT, contactId);
        update("DELETE FROM verified_conversation WHERE conversation_id IN " + OF_CONTACT, contactId);
        update("DELETE FROM conversation_thread WHERE conversation_id IN " + OF_CONTACT, contactId);
        update("UPDATE conversation SET subject = NULL, customer_name = NULL, customer_email = NULL"
                + " WHERE contact_id = :c", contactId);
        update("DELETE FROM contact_handle WHERE contact_id = :c", contactId);
        jdbc.sql("UPDATE contact SET name = NULL, email = NULL, phone = NULL, updated_at = :at WHERE id = :c")
                .param("at", toTimestamp(now)).param("c", contactId).update();
    }

    private void update(String sql, UUID contactId) {
        jdbc.sql(sql).param("c", contactId).update();
    }
}
