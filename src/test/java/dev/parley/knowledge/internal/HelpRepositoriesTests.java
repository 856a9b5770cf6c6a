package dev.parley.knowledge.internal;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The help-center repositories on H2 (the default database). */
@SpringBootTest(properties = "parley.knowledge.demo-content=false")
class HelpRepositoriesTests extends HelpRepositoriesContract {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/help-repo-" + UUID.randomUUID());
    }
}
