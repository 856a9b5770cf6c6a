package dev.parley.identity.internal;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class SessionTablesPostgresTests extends SessionTablesContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("sessions", "classpath:db/migration/identity");
    }
}
