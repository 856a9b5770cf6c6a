package dev.parley.encryption.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.encryption.DerivedHashes;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import dev.parley.encryption.EncryptionKeys;
import dev.parley.encryption.EncryptionSettings;
import dev.parley.encryption.TestKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-encryption after a key rotation, on H2 and on PostgreSQL with the same migration and SQL. */
abstract class ReEncryptionContract {

    private static final String BODY = "test.message.body";
    private static final String EMAIL = "test.contact.email";

    @TempDir
    Path dataDir;

    private JdbcClient jdbc;
    private EncryptionKeys keys;
    private Encryption encryption;
    private ReEncryption reEncryption;

    /** A fresh database with the encryption migrations applied. */
    protected abstract DataSource migratedDataSource();

    @BeforeEach
    void setUp() {
        DataSource dataSource = migratedDataSource();
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE notes (id UUID PRIMARY KEY, body TEXT)").update();
        jdbc.sql("CREATE TABLE people (id BIGINT PRIMARY KEY, email TEXT, email_hash VARCHAR(100))").update();
        jdbc.sql("CREATE TABLE tags (id BIGINT PRIMARY KEY, word TEXT, word_hash VARCHAR(100))").update();
        keys = TestKeys.fileIn(dataDir);
        encryption = TestKeys.encryption(keys);
        reEncryption = new ReEncryption(List.of(
                EncryptedColumn.of("notes", "id", "body", BODY),
                EncryptedColumn.of("people", "id", "email", EMAIL).withLookupHash("email_hash",
                        email -> email.strip().toLowerCase(Locale.ROOT))),
                List.of(new TagHashes()), encryption, jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new EncryptionSettings(null, null, null, 3), Clock.systemUTC());
    }

    @Test
    void afterRotationEveryRowIsSealedWithTheNewKeyAndReadsTheSame() {
        for (int i = 0; i < 10; i++) {
            insertNote(i % 3 == 0 ? "legacy plain note " + i : encryption.encrypt("note " + i, BODY));
        }
        jdbc.sql("INSERT INTO notes (id, body) VALUES (?, NULL)").param(UUID.randomUUID()).update();
        List<String> before = notes();

        String rotated = keys.rotate();
        reEncryption.runNow(false);

        List<String> stored = jdbc.sql("SELECT body FROM notes WHERE body IS NOT NULL").query(String.class).list();
        assertThat(stored).hasSize(10).allSatisfy(value -> assertThat(value).startsWith("enc:v1:" + rotated + ":"));
        assertThat(notes()).isEqualTo(before);
        assertThat(progressOf("notes.body").state()).isEqualTo(ColumnProgress.State.DONE);
        assertThat(progressOf("notes.body").reEncrypted()).isEqualTo(10);
    }

    @Test
    void lookupHashesFollowTheKeySoLookupsKeepWorking() {
        String oldHash = encryption.lookupHash("jane@example.com", EMAIL);
        jdbc.sql("INSERT INTO people (id, email, email_hash) VALUES (1, ?, ?)")
                .params(encryption.encrypt("Jane@Example.com", EMAIL), oldHash).update();
        jdbc.sql("INSERT INTO people (id, email, email_hash) VALUES (2, 'legacy@example.com', NULL)").update();

        String rotated = keys.rotate();
        reEncryption.runNow(false);

        String newHash = encryption.lookupHash("jane@example.com", EMAIL);
        assertThat(newHash).startsWith(rotated + ":").isNotEqualTo(oldHash);
        assertThat(jdbc.sql("SELECT id FROM people WHERE email_hash = ?").param(newHash).query(Long.class).list())
                .containsExactly(1L);
        assertThat(jdbc.sql("SELECT email_hash FROM people WHERE id = 2").query(String.class).single())
                .isEqualTo(encryption.lookupHash("legacy@example.com", EMAIL));
    }

    @Test
    void aCompletedColumnIsNotScannedAgainUntilTheKeyChanges() {
        insertNote("plain");
        reEncryption.runNow(false);
        insertNote("written plain by hand after the pass");

        reEncryption.runNow(false);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE body NOT LIKE 'enc:%'").query(Long.class).single())
                .isEqualTo(1);

        reEncryption.runNow(true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE body NOT LIKE 'enc:%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aRowThatDoesNotOpenIsCountedAndTheRestAreStillDone() {
        insertNote(Encryption.ephemeral().encrypt("sealed with a key we do not have", BODY));
        for (int i = 0; i < 5; i++) {
            insertNote("plain " + i);
        }

        reEncryption.runNow(false);

        ColumnProgress progress = progressOf("notes.body");
        assertThat(progress.state()).isEqualTo(ColumnProgress.State.FAILED);
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(progress.reEncrypted()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM encrypted_column_state WHERE column_name = 'notes.body'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void derivedHashesAreRebuiltUnderTheNewKeyOnceAndRememberedPerKey() {
        for (long i = 1; i <= 7; i++) {
            jdbc.sql("INSERT INTO tags (id, word, word_hash) VALUES (?, ?, ?)")
                    .params(i, "word" + i, encryption.lookupHash("word" + i, "test.tag")).update();
        }
        String rotated = keys.rotate();
        reEncryption.runNow(false);

        assertThat(jdbc.sql("SELECT word_hash FROM tags").query(String.class).list()).hasSize(7)
                .allSatisfy(hash -> assertThat(hash).startsWith(rotated + ":"));
        assertThat(jdbc.sql("SELECT id FROM tags WHERE word_hash = ?").param(encryption.lookupHash("word3", "test.tag"))
                .query(Long.class).list()).containsExactly(3L);
        ColumnProgress progress = progressOf("tags.word_hash");
        assertThat(progress.state()).isEqualTo(ColumnProgress.State.DONE);
        assertThat(progress.reEncrypted()).isEqualTo(7);

        jdbc.sql("UPDATE tags SET word_hash = 'stale' WHERE id = 1").update();
        reEncryption.runNow(false);
        assertThat(jdbc.sql("SELECT word_hash FROM tags WHERE id = 1").query(String.class).single()).isEqualTo("stale");
    }

    /** Hashes derived from plain words, rebuilt under the active key in batches of the pass. */
    private final class TagHashes implements DerivedHashes {

        @Override
        public String name() {
            return "tags.word_hash";
        }

        @Override
        public List<?> rebuildAfter(Object after, int limit) {
            List<Long> ids = jdbc.sql("SELECT id FROM tags WHERE id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                    .param(after == null ? 0L : after).query(Long.class).list();
            for (Long id : ids) {
                String word = jdbc.sql("SELECT word FROM tags WHERE id = ?").param(id).query(String.class).single();
                jdbc.sql("UPDATE tags SET word_hash = ? WHERE id = ?")
                        .params(encryption.lookupHash(word, "test.tag"), id).update();
            }
            return ids;
        }
    }

    private void insertNote(String body) {
        jdbc.sql("INSERT INTO notes (id, body) VALUES (?, ?)").params(UUID.randomUUID(), body).update();
    }

    private List<String> notes() {
        return jdbc.sql("SELECT body FROM notes WHERE body IS NOT NULL").query(String.class).list().stream()
                .map(value -> encryption.decrypt(value, BODY)).sorted().toList();
    }

    private ColumnProgress progressOf(String column) {
        return reEncryption.progress().stream().filter(p -> p.column().equals(column)).findFirst().orElseThrow();
    }

}
