package dev.parley.conversation.internal;

import static dev.parley.conversation.internal.ConversationRepository.toTimestamp;

import dev.parley.conversation.MessageAttachment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files listed on messages; the bytes live in file storage under {@code storage_key}. */
@Repository
public class AttachmentRepository {

    private final JdbcClient jdbc;

    public AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MessageAttachment a, String storageKey, Instant now) {
        jdbc.sql("""
                INSERT INTO message_attachment (id, message_id, filename, content_type, size_bytes, storage_key, created_at)
                VALUES (:id, :m, :name, :type, :size, :key, :at)""")
                .param("id", a.id()).param("m", a.messageId()).param("name", a.filename())
                .param("type", a.contentType()).param("size", a.size()).param("key", storageKey)
                .param("at", toTimestamp(now)).update();
    }

    public List<MessageAttachment> ofConversation(UUID conversationId) {
        return jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE m.conversation_id = :c ORDER BY m.seq, a.filename""")
                .param("c", conversationId).query(AttachmentRepository::map).list();
    }

    /** What the customer may see: the files of messages that are not internal notes. */
    public List<MessageAttachment> visibleOfConversation(UUID conversationId) {
        return jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE m.conversation_id = :c AND m.internal = FALSE ORDER BY m.seq, a.filename""")
                .param("c", conversationId).query(AttachmentRepository::map).list();
    }

    /** The attachment, only when it belongs to a message of {@code conversationId}. */
    public Optional<MessageAttachment> find(UUID attachmentId, UUID conversationId) {
        return jdbc.sql("""
                SELECT a.* FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE a.id = :id AND m.conversation_id = :c""")
                .param("id", attachmentId).param("c", conversationId).query(AttachmentRepository::map).optional();
    }

    private static MessageAttachment map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new MessageAttachment(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"));
    }

    public Optional<String> storageKey(UUID attachmentId, UUID conversationId) {
        return jdbc.sql("""
                SELECT a.storage_key FROM message_attachment a JOIN message m ON m.id = a.message_id
                WHERE a.id = :id AND m.conversation_id = :c""")
                .param("id", attachmentId).param("c", conversationId).query(String.class).optional();
    }
}
