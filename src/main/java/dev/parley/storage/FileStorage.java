package dev.parley.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Files that must outlive a node and be readable from every node: attachments, exports, model artifacts. Local disk
 * under the data directory by default (one node, or a shared volume), any S3-compatible store otherwise. Contents are
 * streamed both ways; a file is replaced whole, and readers never see a half-written one. Failures of the store
 * surface as {@link UncheckedIOException}.
 */
public interface FileStorage {

    /** Stores {@code content} (read to its end, not closed) under {@code key}, replacing what was there. */
    void put(StorageKey key, InputStream content);

    default void put(StorageKey key, byte[] content) {
        put(key, new ByteArrayInputStream(content));
    }

    /** The file's content, to be closed by the caller; empty when there is no such file. */
    Optional<InputStream> get(StorageKey key);

    boolean exists(StorageKey key);

    /** Removes the file; false when there was none. */
    boolean delete(StorageKey key);

    /**
     * Keys starting with {@code prefix}, in order: {@code ""} lists everything, {@code exports/} one folder and
     * what is below it, {@code exports/2026-} every key that begins so.
     */
    List<StorageKey> list(String prefix);

    /** Files in {@code root} on local disk (created when missing), as {@code parley.storage.type=local} keeps them. */
    static FileStorage inDirectory(Path root) {
        return new LocalFileStorage(root);
    }
}
