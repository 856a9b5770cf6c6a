package dev.parley.knowledge.internal;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The help-center repositories on PostgreSQL, in a fresh schema. */
@RequiresService(ExternalService.POSTGRES)
@SpringBootTest(properties = "parley.knowledge.demo-content=false")
class HelpRepositoriesPostgresTests extends HelpRepositoriesContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
        registry.add("parley.data-dir", () -> "target/help-repo-pg-" + UUID.randomUUID());
    }
}
