package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.ContactExport.ConversationRecord;
import dev.parley.conversation.ContactExport.MessageRecord;
import dev.parley.conversation.ContactExport.Rating;
import dev.parley.conversation.PersonalTexts;
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
    private final PersonalTexts texts;
    private final SearchTerms terms;

    public PersonalDataRepository(JdbcClient jdbc, PersonalTexts texts, SearchTerms terms) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.terms = terms;
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
                            : new Rating(rating, texts.open(rs.getString("comment"), PersonalTexts.CSAT_COMMENT), instant(rs, "rated_at"));
                    return new ConversationRecord(id, rs.getString("channel"), rs.getObject("inbox_id", UUID.class),
                            rs.getString("inbox_name"), rs.getString("status"),
                            texts.open(rs.getString("subject"), PersonalTexts.SUBJECT),
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
                .query((rs, row) -> new MessageRecord(rs.getString("author_type"),
                        texts.open(rs.getString("author_name"), PersonalTexts.MESSAGE_AUTHOR),
                        texts.open(rs.getString("body"), PersonalTexts.MESSAGE_BODY), instant(rs, "created_at")))
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
     * Finished conversations (resolved by the assistant or a person, or closed) last touched before the cutoff and
     * with no message since, not yet anonymised: the oldest first, at most {@code limit}.
     */
    public List<UUID> expired(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT c.id FROM conversation c
                WHERE c.anonymised_at IS NULL AND c.status IN ('AI_RESOLVED', 'RESOLVED', 'CLOSED')
                  AND c.updated_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.created_at >= :cutoff)
                ORDER BY c.updated_at, c.id FETCH FIRST :limit ROWS ONLY""")
                .param("cutoff", toTimestamp(cutoff)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Contacts with personal details left, unchanged since before the cutoff, none of whose conversations is kept
     * any longer (all anonymised, or none at all): at most {@code limit}.
     */
    public List<UUID> contactsWithNothingKept(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT k.id FROM contact k
                WHERE k.updated_at < :cutoff
                  AND (k.name IS NOT NULL OR k.email IS NOT NULL OR k.phone IS NOT NULL
                       OR EXISTS (SELECT 1 FROM contact_handle h WHERE h.contact_id = k.id))
                  AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.contact_id = k.id AND c.anonymised_at IS NULL)
                ORDER BY k.updated_at, k.id FETCH FIRST :limit ROWS ONLY""")
                .param("cutoff", toTimestamp(cutoff)).param("limit", limit).query(UUID.class).list();
    }

    public List<String> attachmentKeys(List<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT a.storage_key FROM message_attachment a JOIN message m ON m.id = a.message_id"
                        + " WHERE m.conversation_id IN (:ids)")
                .param("ids", conversationIds).query(String.class).list();
    }

    /**
     * Every personal text of these conversations: message texts and customers' author names, attachments, delivery
     * errors, CSAT comments, where the widget saw them, verified identity and thread keys, the copies of subject,
     * name and address on the conversation rows, and the search terms hashed from them. Marks them anonymised; the
     * rows, statuses and times stay.
     */
    public void anonymise(List<UUID> conversationIds, Instant now) {
        if (conversationIds.isEmpty()) {
            return;
        }
        update("DELETE FROM message_attachment WHERE message_id IN (SELECT id FROM message WHERE conversation_id IN"
                + " (:ids))", conversationIds);
        jdbc.sql("UPDATE message SET body = :erased, author_name = CASE WHEN author_type = 'CUSTOMER' THEN NULL"
                        + " ELSE author_name END, warning = NULL WHERE conversation_id IN (:ids)")
                .param("erased", ERASED).param("ids", conversationIds).update();
        update("UPDATE message_delivery SET last_error = NULL WHERE conversation_id IN (:ids)", conversationIds);
        update("UPDATE csat_rating SET comment = NULL WHERE conversation_id IN (:ids)", conversationIds);
        update("DELETE FROM conversation_source WHERE conversation_id IN (:ids)", conversationIds);
        update("DELETE FROM verified_conversation WHERE conversation_id IN (:ids)", conversationIds);
        update("DELETE FROM conversation_thread WHERE conversation_id IN (:ids)", conversationIds);
        terms.remove(conversationIds);
        jdbc.sql("UPDATE conversation SET subject = NULL, customer_name = NULL, customer_email = NULL,"
                        + " anonymised_at = COALESCE(anonymised_at, :at) WHERE id IN (:ids)")
                .param("at", toTimestamp(now)).param("ids", conversationIds).update();
    }

    /** The contact's name, email, phone and handles (a later message from the same address starts a new contact). */
    public void eraseContact(UUID contactId, Instant now) {
        jdbc.sql("DELETE FROM contact_handle WHERE contact_id = :c").param("c", contactId).update();
        jdbc.sql("UPDATE contact SET name = NULL, email = NULL, phone = NULL, updated_at = :at WHERE id = :c")
                .param("at", toTimestamp(now)).param("c", contactId).update();
    }

    private void update(String sql, List<UUID> conversationIds) {
        jdbc.sql(sql).param("ids", conversationIds).update();
    }
}
