package dev.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link FileStorage} does; each implementation's test class implements this against a real store. */
interface FileStorageContract {

    /** An empty store, fresh for each test. */
    FileStorage storage();

    /** Size from which the implementation changes how it writes (S3: multipart); 0 when it does not. */
    default int largeFileSize() {
        return 0;
    }

    @Test
    default void storesAndReadsBackAFile() throws IOException {
        var key = StorageKey.of("exports/2026-12/conversations.csv");

        storage().put(key, "id,subject\n1,Refund\n".getBytes(StandardCharsets.UTF_8));

        assertThat(storage().exists(key)).isTrue();
        try (InputStream in = storage().get(key).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,subject\n1,Refund\n");
        }
    }

    @Test
    default void aMissingFileIsEmptyNotAnError() {
        var key = StorageKey.of("attachments/none.png");

        assertThat(storage().get(key)).isEmpty();
        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().delete(key)).isFalse();
    }

    @Test
    default void putReplacesTheWholeFile() throws IOException {
        var key = StorageKey.of("models/scorer.bin");
        storage().put(key, "a much longer first version".getBytes(StandardCharsets.UTF_8));

        storage().put(key, "v2".getBytes(StandardCharsets.UTF_8));

        try (InputStream in = storage().get(key).orElseThrow()) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("v2");
        }
    }

    @Test
    default void streamsAnEmptyAndALargeFileOfUnknownLength() throws Exception {
        var empty = StorageKey.of("attachments/empty.txt");
        var large = StorageKey.of("models/encoder.onnx");
        int size = Math.max(largeFileSize(), 1024 * 1024) * 2 + 12_345;
        byte[] content = new byte[size];
        new Random(21).nextBytes(content);

        storage().put(empty, new ByteArrayInputStream(new byte[0]));
        storage().put(large, new ByteArrayInputStream(content));

        try (InputStream in = storage().get(empty).orElseThrow()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        try (InputStream in = storage().get(large).orElseThrow()) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
        }
    }

    @Test
    default void deletesAFile() {
        var key = StorageKey.of("attachments/c1/photo.jpg");
        storage().put(key, new byte[] {1, 2, 3});

        assertThat(storage().delete(key)).isTrue();

        assertThat(storage().exists(key)).isFalse();
        assertThat(storage().get(key)).isEmpty();
        assertThat(storage().list("attachments/")).isEmpty();
    }

    @Test
    default void listsKeysByPrefixInOrder() {
        for (String name : List.of("exports/b.csv", "exports/a.csv", "exports/2026/x.csv", "exportsx/y.csv",
                "models/m.bin")) {
            storage().put(StorageKey.of(name), new byte[] {42});
        }

        assertThat(storage().list("exports/")).extracting(StorageKey::value)
                .containsExactly("exports/2026/x.csv", "exports/a.csv", "exports/b.csv");
        assertThat(storage().list("exports")).extracting(StorageKey::value)
                .containsExactly("exports/2026/x.csv", "exports/a.csv", "exports/b.csv", "exportsx/y.csv");
        assertThat(storage().list("exports/a")).extracting(StorageKey::value).containsExactly("exports/a.csv");
        assertThat(storage().list("")).hasSize(5);
        assertThat(storage().list("nothing/")).isEmpty();
    }

    @Test
    default void refusesAPrefixThatIsNotAKey() {
        assertThatThrownBy(() -> storage().list("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().list("/etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void aFailingSourceLeavesTheOldFileInPlace() throws IOException {
        var key = StorageKey.of("models/tuned.bin");
        storage().put(key, "good".getBytes(StandardCharsets.UTF_8));
        InputStream broken = new InputStream() {
            private int left = Math.max(largeFileSize(), 1024) + 10;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> storage().put(key, broken)).isInstanceOf(UncheckedIOException.class);

        try (InputStream in = storage().get(key).orElseThrow()) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("good");
        }
        assertThat(storage().list("models/")).extracting(StorageKey::value).containsExactly("models/tuned.bin");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
