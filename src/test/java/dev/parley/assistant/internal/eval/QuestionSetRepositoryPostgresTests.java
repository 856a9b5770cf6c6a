package dev.parley.assistant.internal.eval;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class QuestionSetRepositoryPostgresTests extends QuestionSetRepositoryContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("bench", "classpath:db/migration/assistant");
    }
}
