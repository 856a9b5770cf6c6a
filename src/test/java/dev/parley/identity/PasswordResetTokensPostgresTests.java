package dev.parley.identity;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class PasswordResetTokensPostgresTests extends PasswordResetTokensContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("identity", "classpath:db/migration/identity");
    }
}
