package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Written through ({@code WRITE_DELAY=0}), H2 leaves each commit in a chunk of its own and no background writer
 * rewrites the sparse ones: the file grows with every commit, not with the data. The housekeeping rewrites them.
 */
class EmbeddedDatabaseHousekeepingTests {

    private static final int ROWS = 2000;

    private static final int COMMITS = 12000;

    @TempDir
    Path dir;

    @Test
    void aRoundRewritesTheSparseChunksThatCommitsWrittenThroughLeaveBehind() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:file:" + dir.resolve("sparse") + ";WRITE_DELAY=0;RETENTION_TIME=1");
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = EmbeddedDatabaseHousekeeping.writeThroughStore(dataSource);
            updateRows(connection);
            Thread.sleep(20); // every chunk older than the 1 ms retention
            int before = store.getFileStore().getChunksFillRate();

            assertThat(EmbeddedDatabaseHousekeeping.rewriteSparseChunks(store)).isTrue();
            Thread.sleep(20);
            updateRows(connection, 10); // later commits drop the chunks left without live pages

            assertThat(before).isLessThan(EmbeddedDatabaseHousekeeping.TARGET_FILL_RATE);
            assertThat(store.getFileStore().getChunksFillRate()).isGreaterThan(before);
        }
    }

    @Test
    void aRoundWaitsForItsTurnOnTheStoreLockInsteadOfGivingUpAfterTenMilliseconds() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:file:" + dir.resolve("busy") + ";WRITE_DELAY=0;RETENTION_TIME=1");
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = EmbeddedDatabaseHousekeeping.writeThroughStore(dataSource);
            updateRows(connection);
            CountDownLatch held = new CountDownLatch(1);
            Thread committer = Thread.ofPlatform().start(() -> {
                // stands in for the commits that hold the lock one after another under load
                EmbeddedDatabaseHousekeeping.storeLock(store).lock();
                try {
                    held.countDown();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    EmbeddedDatabaseHousekeeping.storeLock(store).unlock();
                }
            });
            held.await();

            assertThat(EmbeddedDatabaseHousekeeping.rewriteSparseChunks(store)).isTrue();
            committer.join();
        }
    }

    @Test
    void runsBesideTheDefaultFileDatabaseAndNotBesideAnInMemoryOne() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withUserConfiguration(EmbeddedDatabaseDurability.class, EmbeddedDatabaseHousekeeping.class);
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + dir.resolve("parley") + ";MODE=PostgreSQL")
                .run(context -> assertThat(context.getBean(EmbeddedDatabaseHousekeeping.class).isRunning()).isTrue());
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:housekeeping-context")
                .run(context -> assertThat(context.getBean(EmbeddedDatabaseHousekeeping.class).isRunning()).isFalse());
    }

    @Test
    void findsTheStoreOnlyOfAFileDatabaseThatWritesEveryCommit() throws Exception {
        JdbcDataSource durable = h2("jdbc:h2:file:" + dir.resolve("durable") + ";WRITE_DELAY=0");
        JdbcDataSource background = h2("jdbc:h2:file:" + dir.resolve("background"));
        JdbcDataSource memory = h2("jdbc:h2:mem:housekeeping;WRITE_DELAY=0");
        try (Connection a = durable.getConnection(); Connection b = background.getConnection();
                Connection c = memory.getConnection()) {
            assertThat(EmbeddedDatabaseHousekeeping.writeThroughStore(durable)).isNotNull();
            assertThat(EmbeddedDatabaseHousekeeping.writeThroughStore(background)).isNull();
            assertThat(EmbeddedDatabaseHousekeeping.writeThroughStore(memory)).isNull();
        }
    }

    @Test
    void aRoundAfterTheDatabaseClosedDoesNothingRatherThanFail() throws Exception {
        JdbcDataSource dataSource = h2("jdbc:h2:file:" + dir.resolve("closed") + ";WRITE_DELAY=0");
        MVStore store;
        try (Connection open = dataSource.getConnection()) {
            store = EmbeddedDatabaseHousekeeping.writeThroughStore(dataSource);
        }
        assertThat(store.isClosed()).isTrue();
        assertThat(EmbeddedDatabaseHousekeeping.rewriteSparseChunks(store)).isFalse();
    }

    /** Rows updated one commit at a time, as conversations and the event publication records are. */
    private static void updateRows(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE conversation (id BIGINT PRIMARY KEY, body VARCHAR(1000), seen INT)");
            ddl.execute("INSERT INTO conversation SELECT x, REPEAT('a customer''s question ', 10), 0"
                    + " FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }
        updateRows(connection, COMMITS);
    }

    private static void updateRows(Connection connection, int commits) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE conversation SET seen = seen + 1 WHERE id = ?")) {
            for (int i = 0; i < commits; i++) {
                update.setLong(1, 1 + (i * 7919L) % ROWS);
                update.executeUpdate();
            }
        }
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }
}
