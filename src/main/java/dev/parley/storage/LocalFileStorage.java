package dev.parley.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files in a directory, one file per key. A file is written next to its destination under a name no key can have
 * (keys never start with a dot) and moved into place, so readers see the old file or the new one, never half.
 */
class LocalFileStorage implements FileStorage {

    private final Path root;

    LocalFileStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the file storage directory " + this.root, e);
        }
    }

    @Override
    public void put(StorageKey key, InputStream content) {
        Path target = pathOf(key);
        Path partial = null;
        try {
            partial = partialFileBeside(target);
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    @Override
    public Optional<InputStream> get(StorageKey key) {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key, e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public boolean delete(StorageKey key) {
        Path path = pathOf(key);
        try {
            boolean deleted = Files.deleteIfExists(path);
            pruneEmptyFolders(path.getParent());
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key, e);
        }
    }

    @Override
    public List<StorageKey> list(String prefix) {
        StorageKey.checkPrefix(prefix);
        // walk only the deepest folder the prefix names completely
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    // a partial write, or a file someone else put there, is not a key
                    .filter(name -> name.startsWith(prefix) && StorageKey.isKey(name))
                    .sorted()
                    .map(StorageKey::of)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + prefix, e);
        }
    }

    private Path pathOf(StorageKey key) {
        Path path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            // StorageKey already rules this out; a second check costs nothing
            throw new IllegalArgumentException("Key outside the storage directory: " + key);
        }
        return path;
    }

    private static Path partialFileBeside(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            return Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        } catch (NoSuchFileException e) {
            // a delete pruned the just-created folder; once more
            Files.createDirectories(target.getParent());
            return Files.createTempFile(target.getParent(), ".partial-", ".tmp");
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void pruneEmptyFolders(Path folder) throws IOException {
        for (Path current = folder; current != null && !current.equals(root) && current.startsWith(root);
                current = current.getParent()) {
            try {
                Files.deleteIfExists(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // the temporary file is already gone or will be ignored by list()
            }
        }
    }

    @Override
    public String toString() {
        return "local files in " + root;
    }
}
