package dev.parley.sla;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The time rules on PostgreSQL, in a fresh schema. */
@SpringBootTest(properties = {"parley.sla.check-interval=1h", "parley.inbox.sweep-interval=1h"})
@Import(TimeRulesContract.Clocked.class)
@RequiresService(ExternalService.POSTGRES)
class TimeRulesPostgresTests extends TimeRulesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-time-rules-pg-" + UUID.randomUUID());
        PostgresSchema.register(registry);
    }
}
