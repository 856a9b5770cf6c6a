package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStorageTests implements FileStorageContract {

    @TempDir
    Path directory;

    private FileStorage storage;

    @BeforeEach
    void freshDirectory() {
        storage = new LocalFileStorage(directory.resolve("files"));
    }

    @Override
    public FileStorage storage() {
        return storage;
    }

    @Test
    void keepsFilesInsideItsDirectoryAndPrunesEmptyFolders() throws IOException {
        storage.put(StorageKey.of("attachments/c1/note.txt"), new byte[] {1});
        assertThat(directory.resolve("files/attachments/c1/note.txt")).exists();
        Files.writeString(directory.resolve("secret.txt"), "outside");

        storage.delete(StorageKey.of("attachments/c1/note.txt"));

        assertThat(directory.resolve("files/attachments")).doesNotExist();
        assertThat(directory.resolve("files")).exists();
        assertThat(directory.resolve("secret.txt")).exists();
    }

    @Test
    void ignoresFilesThatAreNotKeys() throws IOException {
        Files.createDirectories(directory.resolve("files/models"));
        Files.writeString(directory.resolve("files/models/.partial-123.tmp"), "half");
        storage.put(StorageKey.of("models/m.bin"), new byte[] {1});

        assertThat(storage.list("models/")).extracting(StorageKey::value).containsExactly("models/m.bin");
    }
}
