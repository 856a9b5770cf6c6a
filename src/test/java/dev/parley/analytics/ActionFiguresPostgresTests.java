package dev.parley.analytics;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"parley.actions.allowed-hosts=localhost", "parley.demo.enabled=false"})
@RequiresService(ExternalService.POSTGRES)
class ActionFiguresPostgresTests extends ActionFiguresContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
        registry.add("parley.data-dir", () -> "target/test-action-figures-pg-" + UUID.randomUUID());
    }
}
