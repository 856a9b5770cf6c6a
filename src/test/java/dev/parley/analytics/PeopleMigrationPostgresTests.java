package dev.parley.analytics;

import dev.parley.support.ExternalService;
import dev.parley.support.MigrationDatabase;
import dev.parley.support.RequiresService;

/** The people migration on PostgreSQL, in a fresh schema. */
@RequiresService(ExternalService.POSTGRES)
class PeopleMigrationPostgresTests extends PeopleMigrationContract {

    @Override
    MigrationDatabase emptyDatabase() {
        return MigrationDatabase.postgres();
    }
}
