package dev.parley.support;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh, empty database to run the migrations on step by step: H2 in PostgreSQL mode, or a new PostgreSQL schema. */
public record MigrationDatabase(DataSource dataSource, String schema) {

    /** The application's own migration folders (spring.flyway.locations), so a new module's folder is never missed. */
    public static final String[] LOCATIONS = locations();

    private static String[] locations() {
        var yaml = new org.springframework.beans.factory.config.YamlPropertiesFactoryBean();
        yaml.setResources(new org.springframework.core.io.ClassPathResource("application.yml"));
        return yaml.getObject().getProperty("spring.flyway.locations").split(",");
    }

    public static MigrationDatabase h2() {
        return new MigrationDatabase(new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", ""), null);
    }

    public static MigrationDatabase postgres() {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new MigrationDatabase(new DriverManagerDataSource(PostgresSchema.URL + "?currentSchema=" + schema,
                "postgres", ""), schema);
    }

    /** Migrates up to {@code target} ("latest" for all). */
    public void migrateTo(String target) {
        var config = Flyway.configure().dataSource(dataSource).locations(LOCATIONS).target(target);
        if (schema != null) {
            config.schemas(schema).defaultSchema(schema);
        }
        config.load().migrate();
    }
}
