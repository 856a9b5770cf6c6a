package dev.parley.assistant.internal.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderStoreTests {

    @TempDir
    Path directory;

    @Test
    void readsBackWhatAnotherNodeWroteToTheSharedStorage() {
        new EncoderStore(FileStorage.inDirectory(directory)).write("k1", Map.of("a", new byte[] {1, 2}, "b", new byte[0]));

        assertThat(new EncoderStore(FileStorage.inDirectory(directory)).read("k1")).hasValueSatisfying(tensors -> {
            assertThat(tensors).containsOnlyKeys("a", "b");
            assertThat(tensors.get("a")).containsExactly(1, 2);
        });
        assertThat(new EncoderStore(FileStorage.inDirectory(directory)).read("k2")).isEmpty();
    }

    @Test
    void keepsTheNewestTuningsEachOnce() throws Exception {
        FileStorage files = FileStorage.inDirectory(directory);
        EncoderStore store = new EncoderStore(files);
        for (int i = 0; i < EncoderStore.KEEP + 3; i++) {
            store.write("k" + i, Map.of("a", new byte[] {(byte) i}));
            Thread.sleep(2); // the time of writing orders them
        }
        store.write("k5", Map.of("a", new byte[] {42}));

        assertThat(files.list(EncoderStore.PREFIX)).hasSize(EncoderStore.KEEP)
                .filteredOn(key -> key.value().endsWith("-k5")).hasSize(1);
        assertThat(store.read("k0")).isEmpty();
        assertThat(store.read("k2")).isEmpty();
        assertThat(store.read("k3")).isPresent();
        assertThat(store.read("k5")).hasValueSatisfying(t -> assertThat(t.get("a")).containsExactly(42));
    }

    @Test
    void aDamagedOrMisplacedFileCountsAsMissing() {
        FileStorage files = FileStorage.inDirectory(directory);
        EncoderStore store = new EncoderStore(files);
        files.put(StorageKey.of(EncoderStore.PREFIX + "0000000000001-k1"), new byte[] {1, 2, 3});
        assertThat(store.read("k1")).isEmpty();

        store.write("k2", Map.of("a", new byte[] {1}));
        StorageKey written = files.list(EncoderStore.PREFIX + "1").getFirst();
        files.put(StorageKey.of(EncoderStore.PREFIX + "0000000000001-k3"), files.get(written).map(in -> {
            try (in) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).orElseThrow());
        assertThat(store.read("k3")).as("k2's tuning under k3's name").isEmpty();
    }
}
