package dev.parley;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The upgrade from the last release on H2 in PostgreSQL mode. */
class UpgradeFromReleaseH2Tests extends UpgradeFromReleaseContract {

    @Override
    DataSource emptyDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATIONS).target(target).load();
    }
}
