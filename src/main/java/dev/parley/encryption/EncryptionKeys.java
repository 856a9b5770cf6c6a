package dev.parley.encryption;

import dev.parley.cluster.RunsOnEveryNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the key ring comes from: {@code parley.encryption.keys} (fixed until restart) or a key file, re-read
 * when it changes so a key can be added or activated without a restart. On a first start with neither, a key
 * file with one fresh key is created under the data directory (owner-only permissions).
 */
@Component
public class EncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    private final EncryptionSettings settings;
    private final Path file;
    private final ApplicationEventPublisher events;
    private volatile KeyRing ring;
    private volatile FileTime loadedVersion;

    EncryptionKeys(EncryptionSettings settings, @Value("${parley.data-dir}") Path dataDir,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.events = events;
        this.file = fromEnvironment() ? null
                : settings.keyFile() != null ? settings.keyFile() : dataDir.resolve("keys").resolve("encryption.keys");
        if (file != null && settings.keyFile() == null && !Files.exists(file)) {
            createKeyFile();
        }
        this.ring = load();
    }

    KeyRing current() {
        return ring;
    }

    /** Where the keys come from, for status pages: never the keys themselves. */
    public String source() {
        return file == null ? "parley.encryption.keys" : file.toAbsolutePath().toString();
    }

    /** Whether {@link #rotate()} can add a key here (a key file, and no pinned active key). */
    public boolean canRotate() {
        return file != null && blank(settings.activeKey());
    }

    /**
     * Appends a fresh key to the key file, which makes it the active key; values sealed with older keys stay
     * readable and are re-encrypted in the background. Returns the new key's id.
     *
     * @throws EncryptionException when keys come from {@code parley.encryption.keys} or the active key is pinned
     */
    public synchronized String rotate() {
        if (!canRotate()) {
            throw new EncryptionException(file == null
                    ? "Keys come from parley.encryption.keys: add a key there (java -jar parley.jar encryption-key) "
                            + "and restart"
                    : "parley.encryption.active-key pins the active key: add a key to " + file
                            + " and set the setting to its id");
        }
        String line = KeyRing.newKeyLine();
        try {
            List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            lines.add(line);
            writeOwnerOnly(lines);
        } catch (IOException e) {
            throw new EncryptionException("Could not write the key file " + file + ": " + e.getMessage(), e);
        }
        reload();
        return ring.activeId();
    }

    /** Re-reads the key file when it changed; a file that no longer parses keeps the previous keys. */
    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    @RunsOnEveryNode("each node holds its own copy of the key ring, read from its key file")
    public synchronized void reloadIfChanged() {
        if (file != null && !version().equals(loadedVersion)) {
            reload();
        }
    }

    private void reload() {
        try {
            ring = load();
        } catch (EncryptionException e) {
            log.error("The key file {} changed but cannot be used, keeping the previous keys: {}", file,
                    e.getMessage());
            return;
        }
        log.info("Encryption keys reloaded from {}: {} (active {})", file, ring.ids(), ring.activeId());
        events.publishEvent(new KeysChanged(ring.activeId()));
    }

    private KeyRing load() {
        Map<String, KeyRing.Key> keys = new LinkedHashMap<>();
        if (file == null) {
            String[] entries = settings.keys().split(",");
            for (int i = 0; i < entries.length; i++) {
                if (!entries[i].isBlank()) {
                    add(keys, KeyRing.parse(entries[i].strip(), "parley.encryption.keys entry " + (i + 1)));
                }
            }
        } else {
            loadedVersion = version();
            List<String> lines = readKeyFile();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    add(keys, KeyRing.parse(line, file + " line " + (i + 1)));
                }
            }
        }
        String last = keys.isEmpty() ? null : List.copyOf(keys.keySet()).getLast();
        return new KeyRing(keys, blank(settings.activeKey()) ? last : settings.activeKey().strip(), source());
    }

    private static void add(Map<String, KeyRing.Key> keys, KeyRing.Key key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new EncryptionException("The key id '" + key.id() + "' is listed twice");
        }
    }

    private List<String> readKeyFile() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EncryptionException("Cannot read the encryption key file " + file + " (" + e.getMessage()
                    + "); set parley.encryption.key-file to an existing file or parley.encryption.keys", e);
        }
    }

    private void createKeyFile() {
        try {
            Files.createDirectories(file.getParent());
            writeOwnerOnly(List.of(
                    "# Parley encryption keys, one id:base64 per line. The last line (or parley.encryption.active-key)",
                    "# seals new values; earlier keys still open old ones. Back this file up apart from the database:",
                    "# without it, encrypted data cannot be read.",
                    KeyRing.newKeyLine()));
        } catch (IOException e) {
            throw new EncryptionException("Cannot create the encryption key file " + file + ": " + e.getMessage(), e);
        }
        log.warn("Created the encryption key file {} with a new key. Back it up apart from the database, or "
                + "provide keys through PARLEY_ENCRYPTION_KEYS / PARLEY_ENCRYPTION_KEY_FILE.", file.toAbsolutePath());
    }

    private void writeOwnerOnly(List<String> lines) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private FileTime version() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private boolean fromEnvironment() {
        return !blank(settings.keys());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
