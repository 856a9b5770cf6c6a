package dev.parley.privacy;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The plain-text scan on PostgreSQL, in a fresh schema. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class PlainTextScanPostgresTests extends PlainTextScanContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        sharedSettings(registry, "plain-text-scan-pg");
        PostgresSchema.register(registry);
    }
}
