package dev.parley.assistant.internal.encoder;

import dev.parley.engine.encoder.TuningStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tuned tensors on disk (about 7 MB for 4 layers), named by a hash of what they were tuned on, so that a
 * restart reuses a tuning instead of repeating it. The newest few are kept. A file that cannot be read
 * counts as missing: the encoder is tuned again.
 */
public final class EncoderStore implements TuningStore {

    private static final Logger log = LoggerFactory.getLogger(EncoderStore.class);
    private static final String MAGIC = "parley-tuned-encoder-1";
    /** The final tuning and its 4 cross-validation folds' (about 7 MB each), for the last 3 knowledge versions. */
    private static final int KEEP = 15;

    private final Path directory;

    public EncoderStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Map<String, byte[]>> read(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a tuned encoder file");
            }
            int count = in.readInt();
            Map<String, byte[]> tensors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                tensors.put(name, value);
            }
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(tensors);
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the unreadable tuned encoder {} ({}); tuning again", file, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, Map<String, byte[]> tensors) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "encoder-", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                out.writeUTF(MAGIC);
                out.writeInt(tensors.size());
                for (Map.Entry<String, byte[]> tensor : tensors.entrySet()) {
                    out.writeUTF(tensor.getKey());
                    out.writeInt(tensor.getValue().length);
                    out.write(tensor.getValue());
                }
            }
            Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOld();
        } catch (IOException e) {
            log.warn("Could not store the tuned encoder in {} ({}); it will be tuned again after a restart",
                    directory, e.toString());
        }
    }

    private void removeOld() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> stored = files.filter(f -> f.getFileName().toString().startsWith("encoder-"))
                    .sorted(Comparator.comparing(EncoderStore::modified).reversed()).toList();
            for (Path old : stored.subList(Math.min(KEEP, stored.size()), stored.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private Path file(String key) {
        return directory.resolve("encoder-" + key + ".bin");
    }
}
