package dev.parley.workspace;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Export and erasure of a contact's personal data on the default database. */
@SpringBootTest
class PersonalDataH2Tests extends PersonalDataContract {

    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-personal-data-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:personal-data-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
