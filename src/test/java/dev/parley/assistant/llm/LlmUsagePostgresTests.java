package dev.parley.assistant.llm;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class LlmUsagePostgresTests extends LlmUsageContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("llm", "classpath:db/migration/llm");
    }
}
