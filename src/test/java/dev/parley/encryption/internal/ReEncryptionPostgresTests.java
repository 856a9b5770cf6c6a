package dev.parley.encryption.internal;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class ReEncryptionPostgresTests extends ReEncryptionContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("reenc", "classpath:db/migration/encryption");
    }
}
