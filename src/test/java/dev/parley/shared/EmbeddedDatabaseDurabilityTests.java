package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A {@code kill -9} must not lose an acknowledged message on the default database: the embedded H2 file database
 * Boot builds from the application's URL writes each commit before returning it. The crash itself is measured by
 * {@code bench/durability.sh}; this checks the setting that makes the difference is in effect.
 */
class EmbeddedDatabaseDurabilityTests {

    private static final String WRITE_DELAY =
            "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'";

    @TempDir
    Path dataDir;

    private ApplicationContextRunner database() {
        // the URL application.yml builds from parley.data-dir
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("parley")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void theDefaultFileDatabaseWritesEveryCommitBeforeItReturns() {
        database().withUserConfiguration(EmbeddedDatabaseDurability.class).run(context ->
                assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                        .queryForObject(WRITE_DELAY, String.class)).isEqualTo("0"));
    }

    @Test
    void keepsChunksWithoutLiveDataForSecondsNotH2sDefaultMinute() {
        database().withUserConfiguration(EmbeddedDatabaseDurability.class).run(context ->
                assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class)).queryForObject(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'RETENTION_TIME'",
                        String.class)).isEqualTo("2000"));
    }

    @Test
    void withoutItH2WouldAcknowledgeCommitsItWritesLater() {
        database().run(context ->
                assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
                        .queryForObject(WRITE_DELAY, String.class)).isNotEqualTo("0"));
    }

    @Test
    void leavesOtherDatabasesInMemoryH2AndAnExplicitChoiceAlone() {
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:/var/lib/parley/parley;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/var/lib/parley/parley;MODE=PostgreSQL;WRITE_DELAY=0;RETENTION_TIME=2000");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:tcp://db/parley"))
                .isEqualTo("jdbc:h2:tcp://db/parley;WRITE_DELAY=0;RETENTION_TIME=2000");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:./parley;retention_time=60000"))
                .isEqualTo("jdbc:h2:file:./parley;retention_time=60000;WRITE_DELAY=0");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:postgresql://db/parley"))
                .isEqualTo("jdbc:postgresql://db/parley");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:mem:parley;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:parley;DB_CLOSE_DELAY=-1");
        assertThat(EmbeddedDatabaseDurability.durable("jdbc:h2:file:./parley;write_delay=500"))
                .isEqualTo("jdbc:h2:file:./parley;write_delay=500");
    }
}
