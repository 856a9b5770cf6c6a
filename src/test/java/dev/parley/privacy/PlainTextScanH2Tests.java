package dev.parley.privacy;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The plain-text scan on the default database. */
@SpringBootTest
class PlainTextScanH2Tests extends PlainTextScanContract {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        sharedSettings(registry, "plain-text-scan");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:plain-text-scan-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
