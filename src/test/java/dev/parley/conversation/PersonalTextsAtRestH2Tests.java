package dev.parley.conversation;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Personal texts sealed at rest, on H2 in a database and data directory of its own. */
@SpringBootTest
class PersonalTextsAtRestH2Tests extends PersonalTextsAtRestContract {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.encryption.keys", () -> ""); // rotates: a key file of its own
        registry.add("parley.data-dir", () -> "target/test-at-rest-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:at-rest-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
