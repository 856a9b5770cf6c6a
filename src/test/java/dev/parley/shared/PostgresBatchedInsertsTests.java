package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgresBatchedInsertsTests {

    private final PostgresBatchedInserts processor = new PostgresBatchedInserts();

    @Test
    void aPostgresPoolSendsBatchedInsertsAsMultiRowInserts() {
        HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/parley");

        processor.postProcessAfterInitialization(pool, "dataSource");

        assertThat(pool.getDataSourceProperties()).containsEntry(PostgresBatchedInserts.PROPERTY, "true");
    }

    @Test
    void otherDatabasesAndAUrlThatChoosesForItselfAreLeftAlone() {
        HikariDataSource h2 = pool("jdbc:h2:file:/tmp/parley;MODE=PostgreSQL");
        HikariDataSource chosen = pool("jdbc:postgresql://127.0.0.1:5432/parley?reWriteBatchedInserts=false");

        processor.postProcessAfterInitialization(h2, "dataSource");
        processor.postProcessAfterInitialization(chosen, "dataSource");

        assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
        assertThat(chosen.getDataSourceProperties()).doesNotContainKey(PostgresBatchedInserts.PROPERTY);
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
