package dev.parley.cluster;

import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ClusterLockH2Tests extends ClusterLockContract {

    @Override
    protected Supplier<DataSource> migratedDatabase() {
        String url = "jdbc:h2:mem:cluster-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Supplier<DataSource> node = () -> new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(node.get()).locations("classpath:db/migration/cluster").load().migrate();
        return node;
    }
}
