package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.PersonalTexts;
import dev.parley.conversation.VerifiedConversation;
import dev.parley.conversation.VerifiedCustomer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** verified_conversation rows: which conversations a verified customer started, with the identity they had. */
@Repository
public class VerifiedConversationRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;

    public VerifiedConversationRepository(JdbcClient jdbc, PersonalTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public void insert(UUID conversationId, VerifiedCustomer customer) {
        jdbc.sql("""
                INSERT INTO verified_conversation (conversation_id, customer_id, customer_hash, email, verified_at)
                VALUES (:id, :customer, :hash, :email, :at)""")
                .param("id", conversationId)
                .param("customer", texts.seal(customer.customerId(), PersonalTexts.VERIFIED_CUSTOMER_ID))
                .param("hash", texts.customerIdHash(customer.customerId()))
                .param("email", texts.seal(customer.email(), PersonalTexts.VERIFIED_EMAIL))
                .param("at", toTimestamp(customer.verifiedAt())).update();
    }

    public Optional<VerifiedCustomer> ofConversation(UUID conversationId) {
        return jdbc.sql("SELECT * FROM verified_conversation WHERE conversation_id = :id").param("id", conversationId)
                .query(this::customer).optional();
    }

    /** The latest identity any of the contact's conversations was verified with. */
    public Optional<VerifiedCustomer> ofContact(UUID contactId) {
        return jdbc.sql("""
                SELECT v.* FROM verified_conversation v JOIN conversation c ON c.id = v.conversation_id
                WHERE c.contact_id = :contact ORDER BY v.verified_at DESC FETCH FIRST 1 ROWS ONLY""")
                .param("contact", contactId).query(this::customer).optional();
    }

    /**
     * The customer's conversations, found by the id's lookup hash under every key; rows from before V880 have no
     * hash yet and match by their plain id until the re-encryption has sealed and hashed them.
     */
    public List<VerifiedConversation> ofCustomer(String customerId, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.subject, c.status, c.created_at, c.updated_at,
                  (SELECT m.body FROM message m WHERE m.conversation_id = c.id AND m.internal = FALSE
                     ORDER BY m.seq DESC FETCH FIRST 1 ROWS ONLY) AS last_body
                FROM verified_conversation v JOIN conversation c ON c.id = v.conversation_id
                WHERE v.customer_hash IN (:hashes) OR (v.customer_hash IS NULL AND v.customer_id = :customer)
                ORDER BY c.updated_at DESC, c.id FETCH FIRST :limit ROWS ONLY""")
                .param("hashes", texts.customerIdHashes(customerId)).param("customer", customerId)
                .param("limit", limit)
                .query((rs, i) -> new VerifiedConversation(rs.getObject("id", UUID.class),
                        texts.open(rs.getString("subject"), PersonalTexts.SUBJECT),
                        ConversationStatus.valueOf(rs.getString("status")),
                        ConversationSearch.preview(texts.open(rs.getString("last_body"), PersonalTexts.MESSAGE_BODY)),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
    }

    private VerifiedCustomer customer(ResultSet rs, int row) throws SQLException {
        return new VerifiedCustomer(
                texts.open(rs.getString("customer_id"), PersonalTexts.VERIFIED_CUSTOMER_ID), texts.open(rs.getString("email"), PersonalTexts.VERIFIED_EMAIL),
                instant(rs, "verified_at"));
    }
}
