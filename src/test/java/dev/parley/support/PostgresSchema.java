package dev.parley.support;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at the loopback PostgreSQL, in a schema of its own, so every context
 * starts from an empty, freshly migrated database and runs never see each other's rows.
 */
public final class PostgresSchema {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private PostgresSchema() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String schema = "parley_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
        // Several application contexts on PostgreSQL stay cached in one test JVM (and other builds share the server,
        // whose limit is 100 connections): each keeps one idle connection, not a full pool of 20.
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 12);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
        registry.add("spring.datasource.hikari.idle-timeout", () -> 10_000);
    }

    /**
     * Command-line arguments that put an application started in the test (one of several nodes) on {@code schema},
     * with a small pool.
     */
    public static List<String> nodeArguments(String schema) {
        return List.of("--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1");
    }

    /** A data source on a fresh schema named after {@code prefix}, migrated with one module's migrations only. */
    public static DataSource migrated(String prefix, String location) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var dataSource = new DriverManagerDataSource(URL + "?currentSchema=" + schema, "postgres", "");
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(location).load().migrate();
        return dataSource;
    }
}
