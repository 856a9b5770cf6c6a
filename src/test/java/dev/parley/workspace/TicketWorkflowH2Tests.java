package dev.parley.workspace;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tags, category and subject on the default database. */
@SpringBootTest
class TicketWorkflowH2Tests extends TicketWorkflowContract {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-ticket-workflow-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ticket-workflow-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
