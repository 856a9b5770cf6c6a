package dev.parley.sla;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The time rules on the default database, in a database of its own (business hours are global). */
@SpringBootTest(properties = {"parley.sla.check-interval=1h", "parley.inbox.sweep-interval=1h"})
@Import(TimeRulesContract.Clocked.class)
class TimeRulesH2Tests extends TimeRulesContract {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-time-rules-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:time-rules-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
