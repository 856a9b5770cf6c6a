package dev.parley.cluster;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RequiresService(ExternalService.POSTGRES)
class ClusterLockPostgresTests extends ClusterLockContract {

    @Override
    protected Supplier<DataSource> migratedDatabase() {
        String schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Supplier<DataSource> node = () -> new DriverManagerDataSource(
                PostgresSchema.URL + "?currentSchema=" + schema, "postgres", "");
        Flyway.configure().dataSource(node.get()).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/cluster").load().migrate();
        return node;
    }
}
