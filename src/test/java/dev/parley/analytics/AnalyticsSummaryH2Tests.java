package dev.parley.analytics;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analytics fixtures on H2, in a database of their own: agents other test classes leave online in the shared
 * database would otherwise be assigned the fixture's waiting conversation and change its figures.
 */
@SpringBootTest
@Import(AnalyticsSummaryContract.Fixture.class)
class AnalyticsSummaryH2Tests extends AnalyticsSummaryContract {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-analytics-summary-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:analytics-summary-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
