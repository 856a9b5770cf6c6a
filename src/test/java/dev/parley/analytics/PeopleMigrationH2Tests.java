package dev.parley.analytics;

import dev.parley.support.MigrationDatabase;

/** The people migration on H2 in PostgreSQL mode. */
class PeopleMigrationH2Tests extends PeopleMigrationContract {

    @Override
    MigrationDatabase emptyDatabase() {
        return MigrationDatabase.h2();
    }
}
