package dev.parley.conversation.internal;

import static dev.parley.shared.CleanText.cut;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Customer;
import dev.parley.conversation.EscalationReason;
import dev.parley.conversation.PersonalTexts;
import dev.parley.conversation.Priority;
import dev.parley.conversation.Reader;
import dev.parley.conversation.SourceDetails;
import dev.parley.encryption.UnreadableValueException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BinaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversation rows, in plain SQL that runs on H2 and PostgreSQL. Subject, customer name and address and where the
 * conversation started are sealed (ADR 0029); subject, name and address are searchable through {@link SearchTerms}.
 */
@Repository
public class ConversationRepository {

    private static final Logger log = LoggerFactory.getLogger(ConversationRepository.class);

    private static final String COLUMNS = """
            id, channel, inbox_id, contact_id, status, priority, category, subject, customer_name, customer_email,
            escalation_reason, assignee_id, team_id, created_at, updated_at, first_response_at, escalated_at,
            resolved_at, last_customer_message_at,
            (SELECT s.page_url FROM conversation_source s WHERE s.conversation_id = conversation.id) AS page_url,
            (SELECT s.user_agent FROM conversation_source s WHERE s.conversation_id = conversation.id) AS user_agent,
            (SELECT s.referrer FROM conversation_source s WHERE s.conversation_id = conversation.id) AS referrer""";

    private final JdbcClient jdbc;
    private final PersonalTexts texts;
    private final SearchTerms terms;

    public ConversationRepository(JdbcClient jdbc, PersonalTexts texts, SearchTerms terms) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.terms = terms;
    }

    public void insert(Conversation c) {
        jdbc.sql("""
                INSERT INTO conversation (id, channel, inbox_id, contact_id, status, priority, category, subject, customer_name,
                    customer_email, created_at, updated_at, waiting_since)
                VALUES (:id, :channel, :inboxId, :contactId, :status, :priority, :category, :subject, :name, :email,
                    :createdAt, :createdAt, :createdAt)""")
                .param("id", c.id())
                .param("channel", c.channel())
                .param("inboxId", c.inboxId())
                .param("contactId", c.contactId())
                .param("status", c.status().name())
                .param("priority", c.priority().name())
                .param("category", c.category())
                .param("subject", texts.seal(c.subject(), PersonalTexts.SUBJECT))
                .param("name", texts.seal(c.customer().name(), PersonalTexts.CUSTOMER_NAME))
                .param("email", texts.seal(c.customer().email(), PersonalTexts.CUSTOMER_EMAIL))
                .param("createdAt", toTimestamp(c.createdAt()))
                .update();
        terms.add(c.id(), c.subject(), c.customer().name(), c.customer().email());
        SourceDetails source = c.source();
        if (source.pageUrl() != null || source.userAgent() != null || source.referrer() != null) {
            jdbc.sql("""
                    INSERT INTO conversation_source (conversation_id, page_url, user_agent, referrer)
                    VALUES (:id, :pageUrl, :userAgent, :referrer)""")
                    .param("id", c.id())
                    .param("pageUrl", texts.seal(cut(source.pageUrl(), 2000), PersonalTexts.PAGE_URL))
                    .param("userAgent", texts.seal(cut(source.userAgent(), 1000), PersonalTexts.USER_AGENT))
                    .param("referrer", texts.seal(cut(source.referrer(), 2000), PersonalTexts.REFERRER))
                    .update();
        }
    }

    public Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id")
                .param("id", id)
                .query(this::mapWithSource)
                .optional();
    }

    /**
     * {@link #find}, but empty (and logged) when the conversation's stored texts cannot be decrypted (its key is
     * gone): a customer's new message then goes on in a new conversation (ADR 0041).
     */
    public Optional<Conversation> findReadable(UUID id) {
        try {
            return find(id);
        } catch (UnreadableValueException e) {
            log.warn("Conversation {} cannot be decrypted; a new message in its thread does not join it: {}", id,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Loads and row-locks a conversation, so concurrent messages to it are processed one at a time. */
    public Optional<Conversation> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::mapWithSource)
                .optional();
    }

    /** Writes the mutable fields of a conversation. */
    public void update(Conversation c) {
        List<String> before = jdbc.sql("SELECT subject, customer_name, customer_email FROM conversation WHERE id = :id")
                .param("id", c.id())
                .query((rs, i) -> Arrays.asList(texts.open(rs.getString(1), PersonalTexts.SUBJECT),
                        texts.open(rs.getString(2), PersonalTexts.CUSTOMER_NAME),
                        texts.open(rs.getString(3), PersonalTexts.CUSTOMER_EMAIL)))
                .optional().orElse(Arrays.asList(null, null, null));
        List<String> after = Arrays.asList(c.subject(), c.customer().name(), c.customer().email());
        jdbc.sql("""
                UPDATE conversation SET status = :status, priority = :priority, category = :category,
                    subject = :subject, customer_name = :name, customer_email = :email,
                    escalation_reason = :reason, assignee_id = :assignee, team_id = :team,
                    updated_at = :updatedAt, first_response_at = :firstResponse, escalated_at = :escalatedAt,
                    resolved_at = :resolvedAt, last_customer_message_at = :lastCustomer,
                    waiting_since = COALESCE(:lastCustomer, created_at)
                WHERE id = :id""")
                .param("id", c.id())
                .param("status", c.status().name())
                .param("priority", c.priority().name())
                .param("category", c.category())
                .param("subject", texts.seal(c.subject(), PersonalTexts.SUBJECT))
                .param("name", texts.seal(c.customer().name(), PersonalTexts.CUSTOMER_NAME))
                .param("email", texts.seal(c.customer().email(), PersonalTexts.CUSTOMER_EMAIL))
                .param("reason", c.escalationReason() == null ? null : c.escalationReason().name())
                .param("assignee", c.assigneeId())
                .param("team", c.teamId())
                .param("updatedAt", toTimestamp(c.updatedAt()))
                .param("firstResponse", toTimestamp(c.firstResponseAt()))
                .param("escalatedAt", toTimestamp(c.escalatedAt()))
                .param("resolvedAt", toTimestamp(c.resolvedAt()))
                .param("lastCustomer", toTimestamp(c.lastCustomerMessageAt()))
                .update();
        if (!after.equals(before)) {
            // Add-only: words of a replaced subject or address stay findable until the next rebuild (ADR 0029).
            terms.add(c.id(), c.subject(), c.customer().name(), c.customer().email());
        }
    }

    /**
     * Claims the one notice of the current wait for a person: true for the first caller, false once it was sent
     * (the conditional update makes it once even for two messages at the same moment).
     */
    public boolean claimWaitingNotice(UUID id) {
        return jdbc.sql("UPDATE conversation SET waiting_notice_sent = TRUE WHERE id = :id AND waiting_notice_sent = FALSE")
                .param("id", id).update() > 0;
    }

    /** A new wait for a person begins (escalated again, or an agent replied): its first message gets a notice. */
    public void resetWaitingNotice(UUID id) {
        jdbc.sql("UPDATE conversation SET waiting_notice_sent = FALSE WHERE id = :id AND waiting_notice_sent = TRUE")
                .param("id", id).update();
    }

    /** Assigns the conversation unless someone holds it; whether it did. One statement, so a caller's lock is short. */
    public boolean assignIfUnassigned(UUID id, UUID assigneeId, Instant at) {
        return jdbc.sql("UPDATE conversation SET assignee_id = :assignee, updated_at = :at WHERE id = :id"
                        + " AND assignee_id IS NULL")
                .param("id", id).param("assignee", assigneeId).param("at", toTimestamp(at))
                .update() == 1;
    }

    /** The conversation belongs to another contact (the customer turned out to be a known person). */
    public void moveToContact(UUID id, UUID contactId) {
        jdbc.sql("UPDATE conversation SET contact_id = :contact WHERE id = :id")
                .param("id", id).param("contact", contactId).update();
    }

    /** Moves a read marker forward; returns false when it was already there or beyond. */
    public boolean advanceReadMarker(UUID id, Reader reader, long upToSeq) {
        String column = reader == Reader.CUSTOMER ? "customer_read_seq" : "agent_read_seq";
        return jdbc.sql("UPDATE conversation SET " + column + " = :seq WHERE id = :id AND " + column + " < :seq")
                .param("seq", upToSeq).param("id", id).update() > 0;
    }

    public long readMarker(UUID id, Reader reader) {
        String column = reader == Reader.CUSTOMER ? "customer_read_seq" : "agent_read_seq";
        return jdbc.sql("SELECT " + column + " FROM conversation WHERE id = :id")
                .param("id", id).query(Long.class).optional().orElse(0L);
    }

    /** A conversation row without its source details (searches and lists do not show them). */
    Conversation map(ResultSet rs, int row) throws SQLException {
        return map(rs, SourceDetails.none(), texts::open);
    }

    /**
     * The same for a list only: a sealed field that cannot be opened reads as {@link PersonalTexts#UNREADABLE}
     * instead of failing the list. Never write such a conversation back.
     */
    Conversation mapForList(ResultSet rs, int row) throws SQLException {
        return map(rs, SourceDetails.none(), texts::openForList);
    }

    private Conversation mapWithSource(ResultSet rs, int row) throws SQLException {
        return map(rs, new SourceDetails(texts.open(rs.getString("page_url"), PersonalTexts.PAGE_URL),
                texts.open(rs.getString("user_agent"), PersonalTexts.USER_AGENT),
                texts.open(rs.getString("referrer"), PersonalTexts.REFERRER)), texts::open);
    }

    private Conversation map(ResultSet rs, SourceDetails source, BinaryOperator<String> open) throws SQLException {
        String reason = rs.getString("escalation_reason");
        return new Conversation(
                rs.getObject("id", UUID.class),
                rs.getString("channel"),
                rs.getObject("inbox_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                ConversationStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("category"),
                open.apply(rs.getString("subject"), PersonalTexts.SUBJECT),
                new Customer(open.apply(rs.getString("customer_name"), PersonalTexts.CUSTOMER_NAME),
                        open.apply(rs.getString("customer_email"), PersonalTexts.CUSTOMER_EMAIL), null),
                source,
                reason == null ? null : EscalationReason.valueOf(reason),
                rs.getObject("assignee_id", UUID.class),
                rs.getObject("team_id", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "first_response_at"),
                instant(rs, "escalated_at"),
                instant(rs, "resolved_at"),
                instant(rs, "last_customer_message_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime toTimestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
