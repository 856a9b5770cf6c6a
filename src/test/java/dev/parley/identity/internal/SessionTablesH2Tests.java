package dev.parley.identity.internal;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class SessionTablesH2Tests extends SessionTablesContract {

    @Override
    protected DataSource migratedDataSource() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:sessions-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/identity").load().migrate();
        return dataSource;
    }
}
