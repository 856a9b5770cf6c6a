package dev.parley.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeysTests {

    @TempDir
    Path dataDir;

    private final List<Object> published = new ArrayList<>();

    @Test
    void aFirstStartCreatesAnOwnerOnlyKeyFileUnderTheDataDirectoryAndTheNextStartReusesIt() throws IOException {
        EncryptionKeys keys = keys(new EncryptionSettings(null, null, null, 200));
        Path file = dataDir.resolve("keys/encryption.keys");

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = new Encryption(keys::current).encrypt("kept", "test");
        EncryptionKeys restarted = keys(new EncryptionSettings(null, null, null, 200));
        assertThat(new Encryption(restarted::current).decrypt(sealed, "test")).isEqualTo("kept");
    }

    @Test
    void keysFromTheEnvironmentUseTheLastAsActiveAndNeedNoFile() {
        String one = KeyRing.newKeyLine().replaceFirst("^k", "a");
        String two = KeyRing.newKeyLine().replaceFirst("^k", "b");

        EncryptionKeys keys = keys(new EncryptionSettings(one + ", " + two, null, null, 200));

        assertThat(keys.current().ids()).containsExactly(id(one), id(two));
        assertThat(keys.current().activeId()).isEqualTo(id(two));
        assertThat(keys.canRotate()).isFalse();
        assertThat(keys.source()).isEqualTo("parley.encryption.keys");
        assertThat(dataDir.resolve("keys")).doesNotExist();
        assertThatThrownBy(keys::rotate).isInstanceOf(EncryptionException.class)
                .hasMessageContaining("parley.encryption.keys");
    }

    @Test
    void anActiveKeySettingPinsTheKeyThatSeals() {
        String one = KeyRing.newKeyLine().replaceFirst("^k", "a");
        String two = KeyRing.newKeyLine().replaceFirst("^k", "b");

        EncryptionKeys keys = keys(new EncryptionSettings(one + "," + two, null, id(one), 200));

        assertThat(keys.current().activeId()).isEqualTo(id(one));
        assertThatThrownBy(() -> keys(new EncryptionSettings(one, null, "nope", 200)))
                .isInstanceOf(EncryptionException.class).hasMessageContaining("'nope'");
    }

    @Test
    void aConfiguredKeyFileThatIsMissingStopsTheStartInsteadOfMakingANewKey() {
        Path missing = dataDir.resolve("mounted/secret.keys");

        assertThatThrownBy(() -> keys(new EncryptionSettings(null, missing, null, 200)))
                .isInstanceOf(EncryptionException.class).hasMessageContaining(missing.toString());
        assertThat(missing).doesNotExist();
    }

    @Test
    void aKeyListedTwiceIsRefused() {
        String one = KeyRing.newKeyLine();

        assertThatThrownBy(() -> keys(new EncryptionSettings(one + "," + one, null, null, 200)))
                .hasMessageContaining("listed twice");
    }

    @Test
    void rotationAppendsAFreshActiveKeyAndOldValuesStillOpen() throws IOException {
        EncryptionKeys keys = keys(new EncryptionSettings(null, null, null, 200));
        Encryption encryption = new Encryption(keys::current);
        String before = keys.current().activeId();
        String sealed = encryption.encrypt("old", "test");

        String rotated = keys.rotate();

        assertThat(rotated).isNotEqualTo(before);
        assertThat(encryption.activeKeyId()).isEqualTo(rotated);
        assertThat(encryption.keyIds()).containsExactly(before, rotated);
        assertThat(encryption.decrypt(sealed, "test")).isEqualTo("old");
        assertThat(published).containsExactly(new KeysChanged(rotated));
        Path file = dataDir.resolve("keys/encryption.keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEditedKeyFileIsPickedUpAndABrokenEditKeepsThePreviousKeys() throws IOException {
        Path file = dataDir.resolve("parley.keys");
        String one = KeyRing.newKeyLine().replaceFirst("^k", "a");
        Files.writeString(file, "# comment\n" + one + "\n");
        EncryptionKeys keys = keys(new EncryptionSettings(null, file, null, 200));
        String two = KeyRing.newKeyLine().replaceFirst("^k", "b");

        Files.writeString(file, one + "\n" + two + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        keys.reloadIfChanged();
        assertThat(keys.current().activeId()).isEqualTo(id(two));

        Files.writeString(file, one + "\n" + "garbage\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        keys.reloadIfChanged();
        assertThat(keys.current().activeId()).isEqualTo(id(two));
        assertThat(published).containsExactly(new KeysChanged(id(two)));
    }

    private EncryptionKeys keys(EncryptionSettings settings) {
        return new EncryptionKeys(settings, dataDir, published::add);
    }

    private static String id(String line) {
        return line.substring(0, line.indexOf(':'));
    }
}
