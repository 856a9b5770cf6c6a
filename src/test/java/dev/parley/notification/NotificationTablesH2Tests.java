package dev.parley.notification;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class NotificationTablesH2Tests extends NotificationTablesContract {

    @Override
    protected DataSource migratedDataSource() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:notification-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification").load().migrate();
        return dataSource;
    }
}
