package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.PersonalTexts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files listed on messages; the bytes live in file storage under {@code storage_key}. File names are sealed
 * (a customer's file is often named after them), so the files of one message are put in name order once opened.
 */
@Repository
public class AttachmentRepository {

    private final JdbcClient jdbc;
    private final PersonalTexts texts;

    public AttachmentRepository(JdbcClient jdbc, PersonalTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    public void insert(MessageAttachment a, String storageKey, Instant now) {
        jdbc.sql("""
                INSERT INTO message_attachment (id, message_id, filename, content_type, size_bytes, storage_key, created_at)
                VALUES (:id, :m, :name, :type, :size, :key, :at)""")
                .param("id", a.id()).param("m", a.messageId()).param("name", texts.seal(a.filename(), PersonalTexts.ATTACHMENT_FILENAME))
                .param("type", a.contentType()).param("size", a.size()).param("key", storageKey)
                .param("at", toTimestamp(now)).update();
    }

    public List<MessageAttachment> ofConversation(UUID conversationId) {
        return byMessageThenName(jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE m.conversation_id = :c ORDER BY m.seq""")
                .param("c", conversationId).query(this::map).list());
    }

    /** What the customer may see: the files of messages that are not internal notes. */
    public List<MessageAttachment> visibleOfConversation(UUID conversationId) {
        return byMessageThenName(jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE m.conversation_id = :c AND m.internal = FALSE ORDER BY m.seq""")
                .param("c", conversationId).query(this::map).list());
    }

    /** The attachment, only when it belongs to a message of {@code conversationId}. */
    public Optional<MessageAttachment> find(UUID attachmentId, UUID conversationId) {
        return jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE a.id = :id AND m.conversation_id = :c""")
                .param("id", attachmentId).param("c", conversationId).query(this::map).optional();
    }

    /** Keeps the order of the messages and puts the files of each message in name order. */
    private static List<MessageAttachment> byMessageThenName(List<MessageAttachment> inMessageOrder) {
        var byMessage = new java.util.LinkedHashMap<UUID, List<MessageAttachment>>();
        inMessageOrder.forEach(a -> byMessage.computeIfAbsent(a.messageId(), m -> new java.util.ArrayList<>()).add(a));
        return byMessage.values().stream()
                .flatMap(files -> files.stream().sorted(java.util.Comparator.comparing(MessageAttachment::filename)))
                .toList();
    }

    private MessageAttachment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MessageAttachment(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                texts.open(rs.getString("filename"), PersonalTexts.ATTACHMENT_FILENAME), rs.getString("content_type"), rs.getLong("size_bytes"));
    }

    public Optional<String> storageKey(UUID attachmentId, UUID conversationId) {
        return jdbc.sql("""
                SELECT a.storage_key FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE a.id = :id AND m.conversation_id = :c""")
                .param("id", attachmentId).param("c", conversationId).query(String.class).optional();
    }
}
