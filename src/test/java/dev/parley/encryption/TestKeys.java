package dev.parley.encryption;

import java.nio.file.Path;

/** Key rings for tests outside this package: a real key file in a temporary directory. */
public final class TestKeys {

    /**
     * A stored value as it reads after its key was lost (removed too early, a restore under another key file): sealed
     * with a key id no test's ring has, so it never opens.
     */
    public static final String SEALED_WITH_A_LOST_KEY =
            Encryption.PREFIX + "lost-key:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private TestKeys() {
    }

    public static EncryptionKeys fileIn(Path dataDir) {
        return new EncryptionKeys(new EncryptionSettings(null, null, null, 200), dataDir, event -> { });
    }

    public static Encryption encryption(EncryptionKeys keys) {
        return new Encryption(keys::current);
    }
}
