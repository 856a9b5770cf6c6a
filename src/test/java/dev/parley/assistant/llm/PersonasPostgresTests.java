package dev.parley.assistant.llm;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class PersonasPostgresTests extends PersonasContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("persona", "classpath:db/migration/llm");
    }
}
