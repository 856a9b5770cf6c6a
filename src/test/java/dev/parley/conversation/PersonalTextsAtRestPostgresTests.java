package dev.parley.conversation;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Personal texts sealed at rest, on PostgreSQL in a fresh schema and a data directory of its own. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class PersonalTextsAtRestPostgresTests extends PersonalTextsAtRestContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("parley.encryption.keys", () -> ""); // rotates: a key file of its own
        registry.add("parley.data-dir", () -> "target/test-at-rest-pg-" + UUID.randomUUID());
        PostgresSchema.register(registry);
    }
}
