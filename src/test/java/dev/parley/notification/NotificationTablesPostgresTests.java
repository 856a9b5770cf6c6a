package dev.parley.notification;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import javax.sql.DataSource;

@RequiresService(ExternalService.POSTGRES)
class NotificationTablesPostgresTests extends NotificationTablesContract {

    @Override
    protected DataSource migratedDataSource() {
        return PostgresSchema.migrated("notification", "classpath:db/migration/notification");
    }
}
