package dev.parley.workspace;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Assignment and queue behaviour on PostgreSQL, where row locks are real across connections. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class AssignmentPostgresTests extends AssignmentContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
