package dev.parley.conversation;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The conversation core on PostgreSQL, in a fresh schema. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class ConversationPersistencePostgresTests extends ConversationPersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }
}
