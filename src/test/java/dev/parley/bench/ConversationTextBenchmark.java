package dev.parley.bench;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationFilter;
import dev.parley.conversation.ConversationQueries;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.Customer;
import dev.parley.conversation.NewConversation;
import dev.parley.conversation.SourceDetails;
import dev.parley.support.PostgresSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What sealing message texts and hashing their search terms costs (ADR 0029): 1,000 agent replies written, then
 * inbox searches over 3,000 conversations. Never in the test suite; run with
 * {@code ./mvnw test -Dtest=ConversationTextBenchmark -Dtest.excludedGroups= [-Dparley.bench.db=postgres]} on this
 * commit and on the one before, and compare the printed lines.
 */
@Tag("benchmark")
@SpringBootTest
class ConversationTextBenchmark {

    private static final String[] WORDS = ("order refund parcel delivery invoice account password login shipping "
            + "address payment card subscription cancel return damaged missing tracking week monday tuesday "
            + "please thanks hello question problem still waiting since yesterday colour size replacement").split(" ");

    @Autowired
    Conversations conversations;
    @Autowired
    ConversationQueries queries;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String id = UUID.randomUUID().toString();
        registry.add("parley.data-dir", () -> "target/bench-texts-" + id);
        if ("postgres".equals(System.getProperty("parley.bench.db"))) {
            PostgresSchema.register(registry);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:bench-texts-" + id
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
    }

    @Test
    void writesAndSearches() {
        Random random = new Random(42);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(conversations.start(new NewConversation("web", new Customer("Customer " + i, "c" + i
                    + "@example.com", null), SourceDetails.none(), null)).conversation().id());
        }
        for (int i = 0; i < 300; i++) {
            conversations.postReply(ids.get(i), AuthorType.AGENT, null, "Grace", sentence(random), false);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            conversations.postReply(ids.get(300 + i), AuthorType.AGENT, null, "Grace", sentence(random), false);
        }
        double writeMs = (System.nanoTime() - start) / 1e6;
        for (UUID id : ids.subList(1_300, 3_000)) {
            conversations.postReply(id, AuthorType.AGENT, null, "Grace", sentence(random), false);
        }
        String db = System.getProperty("parley.bench.db", "h2");
        System.out.printf("BENCH %s: 1,000 messages written in %.0f ms (%.2f ms each)%n", db, writeMs, writeMs / 1_000);
        for (String query : List.of("refund", "refu", "damaged parcel", "c2999@example.com", "nowhereword")) {
            for (int i = 0; i < 5; i++) {
                queries.find(ConversationFilter.all().withText(query), 0, 25);
            }
            int runs = 20;
            long t = System.nanoTime();
            long total = 0;
            for (int i = 0; i < runs; i++) {
                total = queries.find(ConversationFilter.all().withText(query), 0, 25).total();
            }
            System.out.printf("BENCH %s: search '%s' over 3,000 conversations: %.1f ms (%d found)%n", db, query,
                    (System.nanoTime() - t) / 1e6 / runs, total);
        }
    }

    private static String sentence(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 10 == 9 ? ". " : " ");
        }
        return text.toString().strip();
    }
}
