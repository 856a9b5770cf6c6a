package dev.parley.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.ExternalService;
import dev.parley.support.PostgresSchema;
import dev.parley.support.RequiresService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies posted at once to a conversation that has no follow-up row yet, each in its own transaction as the module
 * listener runs them, on PostgreSQL: the inserts race, and the loser must still record its reply (a failed insert
 * aborts a PostgreSQL transaction, so catching the duplicate key and updating afterwards failed the listener).
 */
@SpringBootTest
@RequiresService(ExternalService.POSTGRES)
class FollowUpRepositoryPostgresTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-followup-pg-" + UUID.randomUUID());
        PostgresSchema.register(registry);
    }

    @Autowired
    FollowUpRepository followUps;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repliesPostedTogetherToANewConversationAllLandWithoutFailing() throws Exception {
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try {
            for (int round = 0; round < 25; round++) {
                UUID conversation = UUID.randomUUID();
                Instant due = Instant.parse("2026-12-05T12:00:00Z");
                CyclicBarrier together = new CyclicBarrier(writers);
                List<Future<?>> posted = new ArrayList<>();
                for (int w = 1; w <= writers; w++) {
                    long seq = w;
                    posted.add(pool.submit(() -> {
                        try {
                            together.await(10, TimeUnit.SECONDS);
                            transactions.executeWithoutResult(tx -> followUps.replyPosted(conversation, seq, due));
                        } catch (Exception | AssertionError e) {
                            failures.add(e);
                        }
                    }));
                }
                for (Future<?> p : posted) {
                    p.get(30, TimeUnit.SECONDS);
                }
                assertThat(failures).as("round " + round).isEmpty();
                assertThat(jdbc.sql("SELECT pending_seq FROM widget_email_followup WHERE conversation_id = :c")
                        .param("c", conversation).query(Long.class).single()).isEqualTo(writers);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
