package dev.parley.encryption;

import java.nio.file.Path;

/** Key rings for tests outside this package: a real key file in a temporary directory. */
public final class TestKeys {

    private TestKeys() {
    }

    public static EncryptionKeys fileIn(Path dataDir) {
        return new EncryptionKeys(new EncryptionSettings(null, null, null, 200), dataDir, event -> { });
    }

    public static Encryption encryption(EncryptionKeys keys) {
        return new Encryption(keys::current);
    }
}
