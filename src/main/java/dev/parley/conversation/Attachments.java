package dev.parley.conversation;

import dev.parley.conversation.internal.AttachmentRepository;
import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The files of messages (customers' and agents'), for agents and the customer to list and download. An attachment is only ever
 * found through its own conversation, so an id from another conversation finds nothing.
 */
@Service
public class Attachments {

    private final AttachmentRepository attachments;
    private final FileStorage storage;
    private final java.time.Clock clock;

    Attachments(AttachmentRepository attachments, FileStorage storage, java.time.Clock clock) {
        this.attachments = attachments;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Adds a file to a message already stored (a channel that fetches media after it took the message, such as
     * WhatsApp). The file goes to storage first; a failed insert removes it again.
     */
    public MessageAttachment attach(UUID messageId, InboundAttachment file, int position) {
        StoredAttachment stored = StoredAttachment.put(storage, messageId, file, position);
        try {
            attachments.insert(stored.attachment(), stored.key().value(), clock.instant());
        } catch (RuntimeException e) {
            storage.delete(stored.key());
            throw e;
        }
        return stored.attachment();
    }

    /** Every attachment of the conversation, in message order. */
    public List<MessageAttachment> ofConversation(UUID conversationId) {
        return attachments.ofConversation(conversationId);
    }

    /** The files the customer may see: not those of internal notes. */
    public List<MessageAttachment> visibleOfConversation(UUID conversationId) {
        return attachments.visibleOfConversation(conversationId);
    }

    public Optional<MessageAttachment> find(UUID conversationId, UUID attachmentId) {
        return attachments.find(attachmentId, conversationId);
    }

    /** The stored bytes, to be closed by the caller; empty when the attachment or its file is gone. */
    public Optional<InputStream> content(UUID conversationId, UUID attachmentId) {
        return attachments.storageKey(attachmentId, conversationId).flatMap(key -> storage.get(StorageKey.of(key)));
    }
}
