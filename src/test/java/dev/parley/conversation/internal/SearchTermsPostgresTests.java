package dev.parley.conversation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Search terms on PostgreSQL, where the driver sends their batch as multi-row inserts. */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class SearchTermsPostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSchema.register(registry);
    }

    @Autowired
    Conversations conversations;
    @Autowired
    SearchTerms terms;
    @Autowired
    ConversationSearch search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void termsAddedAgainInOneMultiRowBatchAreStoredOnceAndFound() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getDataSourceProperties())
                .containsEntry("reWriteBatchedInserts", "true");
        UUID id = conversations.start(new NewConversation("web", new Customer("Ann", null, null), SourceDetails.none(),
                null)).conversation().id();

        terms.add(id, "Where is the refund for my order 4711?");
        long stored = count(id);
        terms.add(id, "Where is the refund for my order 4711?", "refund order");

        assertThat(stored).isGreaterThan(10);
        assertThat(count(id)).isEqualTo(stored);
        assertThat(search.find(ConversationFilter.all().withText("refu 4711"), 0, 10))
                .anyMatch(c -> c.conversation().id().equals(id));
        assertThat(search.find(ConversationFilter.all().withText("banana"), 0, 10))
                .noneMatch(c -> c.conversation().id().equals(id));
    }

    private long count(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation_term WHERE conversation_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
