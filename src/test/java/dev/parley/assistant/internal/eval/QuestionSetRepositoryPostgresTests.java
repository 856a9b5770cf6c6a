package dev.parley.assistant.internal.eval;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@RequiresService(ExternalService.POSTGRES)
class QuestionSetRepositoryPostgresTests extends QuestionSetRepositoryContract {

    @Override
    protected DataSource migratedDataSource() {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var dataSource = new DriverManagerDataSource(PostgresSchema.URL + "?currentSchema=" + schema, "postgres", "");
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/assistant").load().migrate();
        return dataSource;
    }
}
