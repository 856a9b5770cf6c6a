package dev.parley.conversation;

import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/** A customer's file put into storage under its message, and the row that will describe it. */
record StoredAttachment(MessageAttachment attachment, StorageKey key) {

    /** Puts the {@code position}-th file of a message into storage (before any transaction: a slow store holds no lock). */
    static StoredAttachment put(FileStorage storage, UUID messageId, InboundAttachment file, int position) {
        UUID id = UUID.randomUUID();
        StorageKey key = StorageKey.of("attachments/" + messageId + "/" + position + "-" + id);
        storage.put(key, new ByteArrayInputStream(file.content()));
        return new StoredAttachment(new MessageAttachment(id, messageId, InboundText.filename(file.filename(), position),
                file.contentType() == null ? "application/octet-stream" : file.contentType(), file.content().length),
                key);
    }
}
