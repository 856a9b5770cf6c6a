package dev.parley.assistant.internal.encoder;

import dev.parley.engine.encoder.TuningStore;
import dev.parley.storage.FileStorage;
import dev.parley.storage.StorageKey;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tuned tensors (about 7 MB for 4 layers) in the file storage under {@code models/encoder/<written>-<key>}, the key a
 * hash of what they were tuned on, so that a restart, and every node of a cluster, reuses a tuning instead of repeating
 * it (ADR 0032). The time of writing leads the name so that the newest few are kept without reading any file. A file
 * that cannot be read counts as missing: the encoder is tuned again.
 */
public final class EncoderStore implements TuningStore {

    private static final Logger log = LoggerFactory.getLogger(EncoderStore.class);
    private static final String MAGIC = "parley-tuned-encoder-2";
    static final String PREFIX = "models/encoder/";
    /** The final tuning and its 4 cross-validation folds' (about 7 MB each), for the last 3 knowledge versions. */
    static final int KEEP = 15;

    private final FileStorage files;

    public EncoderStore(FileStorage files) {
        this.files = files;
    }

    @Override
    public Optional<Map<String, byte[]>> read(String key) {
        Optional<StorageKey> file = Optional.empty();
        try {
            file = find(key);
            Optional<InputStream> stored = file.flatMap(files::get);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try (DataInputStream in = new DataInputStream(stored.get())) {
                if (!MAGIC.equals(in.readUTF()) || !key.equals(in.readUTF())) {
                    throw new IOException("not a tuned encoder file for " + key);
                }
                int count = in.readInt();
                Map<String, byte[]> tensors = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    String name = in.readUTF();
                    byte[] value = new byte[in.readInt()];
                    in.readFully(value);
                    tensors.put(name, value);
                }
                return Optional.of(tensors);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring the unreadable tuned encoder {} ({}); it counts as missing",
                    file.map(StorageKey::value).orElse(key), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void write(String key, Map<String, byte[]> tensors) {
        StorageKey file = StorageKey.of(PREFIX + String.format("%013d", System.currentTimeMillis()) + "-" + key);
        try {
            var bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(MAGIC);
                out.writeUTF(key);
                out.writeInt(tensors.size());
                for (Map.Entry<String, byte[]> tensor : new TreeMap<>(tensors).entrySet()) {
                    out.writeUTF(tensor.getKey());
                    out.writeInt(tensor.getValue().length);
                    out.write(tensor.getValue());
                }
            }
            files.put(file, bytes.toByteArray());
            removeOld(file);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not store the tuned encoder as {} ({}); it will be tuned again", file, e.toString());
        }
    }

    /** The newest file holding {@code key}'s tuning. */
    private Optional<StorageKey> find(String key) {
        String suffix = "-" + key;
        return files.list(PREFIX).stream().filter(f -> f.value().endsWith(suffix))
                .max(Comparator.comparing(StorageKey::value));
    }

    /** Keeps the newest {@link #KEEP} tunings, each once. */
    private void removeOld(StorageKey written) {
        List<StorageKey> stored = files.list(PREFIX).stream().sorted(Comparator.comparing(StorageKey::value).reversed())
                .toList();
        Set<String> kept = new TreeSet<>();
        for (StorageKey file : stored) {
            String name = file.value().substring(PREFIX.length());
            String key = name.substring(name.indexOf('-') + 1);
            if (file.equals(written) || kept.size() < KEEP && !kept.contains(key)) {
                kept.add(key);
            } else {
                files.delete(file);
            }
        }
    }
}
