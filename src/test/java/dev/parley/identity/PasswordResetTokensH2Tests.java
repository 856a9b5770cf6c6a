package dev.parley.identity;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class PasswordResetTokensH2Tests extends PasswordResetTokensContract {

    @Override
    protected DataSource migratedDataSource() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:identity-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/identity").load().migrate();
        return dataSource;
    }
}
