package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.instant;
import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.Message;
import dev.parley.conversation.PersonalTexts;
import dev.parley.conversation.SourceRef;
import dev.parley.encryption.UnreadableValueException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Message rows. {@code seq} is an identity column: the global order and the clients' resume cursor. Texts and
 * author names are sealed (ADR 0029); the text's search terms are written with the message.
 */
@Repository
public class MessageRepository {

    private static final Logger log = LoggerFactory.getLogger(MessageRepository.class);

    private static final String COLUMNS = """
            seq, id, conversation_id, author_type, author_id, author_name, body, internal, client_message_id,
            in_reply_to, confidence, sources, created_at, warning""";
    private static final TypeReference<List<SourceRef>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalTexts texts;
    private final SearchTerms terms;

    public MessageRepository(JdbcClient jdbc, JsonMapper json, PersonalTexts texts, SearchTerms terms) {
        this.jdbc = jdbc;
        this.json = json;
        this.texts = texts;
        this.terms = terms;
    }

    /** Inserts a message and returns it as stored, with its sequence number. */
    public Message insert(Message m) {
        jdbc.sql("""
                INSERT INTO message (id, conversation_id, author_type, author_id, author_name, body, internal,
                    client_message_id, in_reply_to, confidence, sources, created_at, warning)
                VALUES (:id, :conversationId, :authorType, :authorId, :authorName, :body, :internal,
                    :clientMessageId, :inReplyTo, :confidence, :sources, :createdAt, :warning)""")
                .param("id", m.id())
                .param("conversationId", m.conversationId())
                .param("authorType", m.authorType().name())
                .param("authorId", m.authorId())
                .param("authorName", texts.seal(m.authorName(), PersonalTexts.MESSAGE_AUTHOR))
                .param("body", texts.seal(m.text(), PersonalTexts.MESSAGE_BODY))
                .param("internal", m.internal())
                .param("clientMessageId", m.clientMessageId())
                .param("inReplyTo", m.inReplyTo())
                .param("confidence", m.confidence())
                .param("sources", m.sources().isEmpty() ? null : json.writeValueAsString(m.sources()))
                .param("createdAt", toTimestamp(m.createdAt()))
                .param("warning", m.warning())
                .update();
        terms.add(m.conversationId(), m.text());
        return find(m.id()).orElseThrow();
    }

    public Optional<Message> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE id = :id")
                .param("id", id).query(this::map).optional();
    }

    public Optional<Message> findByClientId(UUID conversationId, String clientMessageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :c AND client_message_id = :cid")
                .param("c", conversationId).param("cid", clientMessageId).query(this::map).optional();
    }

    public Optional<Message> findReplyTo(UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE in_reply_to = :m ORDER BY seq FETCH FIRST 1 ROWS ONLY")
                .param("m", messageId).query(this::map).optional();
    }

    /** Messages after {@code afterSeq}, oldest first; internal notes only when asked for. */
    public List<Message> after(UUID conversationId, long afterSeq, int limit, boolean includeInternal) {
        return after(conversationId, afterSeq, limit, includeInternal, this::map);
    }

    /**
     * {@link #after} for people to read: a message whose texts cannot be decrypted reads as unreadable instead of
     * failing the whole transcript. Never store or send on what this returns.
     */
    public List<Message> afterToShow(UUID conversationId, long afterSeq, int limit, boolean includeInternal) {
        return after(conversationId, afterSeq, limit, includeInternal, (rs, row) -> map(rs, texts::openForList));
    }

    private List<Message> after(UUID conversationId, long afterSeq, int limit, boolean includeInternal,
            RowMapper<Message> mapper) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :c AND seq > :after"
                        + (includeInternal ? "" : " AND internal = FALSE")
                        + " ORDER BY seq FETCH FIRST :limit ROWS ONLY")
                .param("c", conversationId).param("after", afterSeq).param("limit", limit)
                .query(mapper).list();
    }

    /**
     * The latest visible messages, oldest first: the history the assistant reads. A message that cannot be decrypted
     * (its key is gone) is left out (and logged): it is context only, and must not stop the customer writing again.
     */
    public List<Message> latestVisible(UUID conversationId, int limit) {
        List<Optional<Message>> newestFirst = jdbc.sql("SELECT " + COLUMNS
                        + " FROM message WHERE conversation_id = :c AND internal = FALSE ORDER BY seq DESC FETCH FIRST :limit ROWS ONLY")
                .param("c", conversationId).param("limit", limit).query(this::mapIfReadable).list();
        return newestFirst.reversed().stream().flatMap(Optional::stream).toList();
    }

    private Message map(ResultSet rs, int row) throws SQLException {
        return map(rs, texts::open);
    }

    private Optional<Message> mapIfReadable(ResultSet rs, int row) throws SQLException {
        try {
            return Optional.of(map(rs, texts::open));
        } catch (UnreadableValueException e) {
            log.warn("Message {} cannot be decrypted and is left out of the history the assistant reads: {}",
                    rs.getObject("id", UUID.class), e.getMessage());
            return Optional.empty();
        }
    }

    private Message map(ResultSet rs, BiFunction<String, String, String> open) throws SQLException {
        String sources = rs.getString("sources");
        double confidence = rs.getDouble("confidence");
        boolean noConfidence = rs.wasNull();
        return new Message(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("conversation_id", UUID.class),
                AuthorType.valueOf(rs.getString("author_type")),
                rs.getObject("author_id", UUID.class),
                open.apply(rs.getString("author_name"), PersonalTexts.MESSAGE_AUTHOR),
                open.apply(rs.getString("body"), PersonalTexts.MESSAGE_BODY),
                rs.getBoolean("internal"),
                rs.getString("client_message_id"),
                rs.getObject("in_reply_to", UUID.class),
                noConfidence ? null : confidence,
                sources == null ? List.of() : json.readValue(sources, SOURCES),
                instant(rs, "created_at"),
                rs.getString("warning"));
    }
}
