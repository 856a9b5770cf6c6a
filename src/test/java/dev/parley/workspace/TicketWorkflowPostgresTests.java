package dev.parley.workspace;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tags, category and subject on PostgreSQL, in a fresh schema. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class TicketWorkflowPostgresTests extends TicketWorkflowContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-ticket-workflow-pg-" + UUID.randomUUID());
        PostgresSchema.register(registry);
    }
}
