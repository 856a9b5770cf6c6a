package dev.parley;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade from the last release on PostgreSQL, in a fresh schema. */
@RequiresService(ExternalService.POSTGRES)
class UpgradeFromReleasePostgresTests extends UpgradeFromReleaseContract {

    private String schema;

    @Override
    DataSource emptyDatabase() {
        schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new DriverManagerDataSource(PostgresSchema.URL + "?currentSchema=" + schema, "postgres", "");
    }

    @Override
    Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(LOCATIONS)
                .target(target).load();
    }
}
