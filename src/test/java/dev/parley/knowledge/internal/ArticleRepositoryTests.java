package dev.parley.knowledge.internal;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The article repository on H2 (the default database). */
@SpringBootTest(properties = "parley.knowledge.demo-content=false")
class ArticleRepositoryTests extends ArticleRepositoryContract {

    @DynamicPropertySource
    static void ownIndex(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/knowledge-repo-" + UUID.randomUUID());
    }
}
