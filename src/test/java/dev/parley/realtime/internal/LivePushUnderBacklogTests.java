package dev.parley.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Conversations;
import dev.parley.conversation.NewConversation;
import dev.parley.realtime.RealtimeBus;
import dev.parley.realtime.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Under load the module listeners (analytics, mail, delivery) fall behind; live pushes to dashboards and widgets
 * must not wait in that line. Here every module listener thread is kept busy while a conversation changes.
 */
@SpringBootTest(properties = "parley.events.listener-threads=2")
class LivePushUnderBacklogTests {

    /** A database of its own: the busy listeners' publications must not linger in other test classes' database. */
    @DynamicPropertySource
    static void ownData(DynamicPropertyRegistry registry) {
        registry.add("parley.data-dir", () -> "target/test-live-push-" + UUID.randomUUID());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:live-push-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    record SlowWorkRequested(String id) {
    }

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger BUSY = new AtomicInteger();

    @TestConfiguration
    static class SlowListenerConfiguration {

        @Bean
        SlowListener slowListener() {
            return new SlowListener();
        }
    }

    static class SlowListener {

        @ApplicationModuleListener
        void on(SlowWorkRequested event) throws InterruptedException {
            BUSY.incrementAndGet();
            RELEASE.await(60, TimeUnit.SECONDS);
        }
    }

    @Autowired
    Conversations conversations;
    @Autowired
    RealtimeBus bus;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aStatusChangeAndAnAgentReplyReachDashboardsAndTheWidgetWhileEveryModuleListenerThreadIsBusy()
            throws Exception {
        UUID id = conversations.start(new NewConversation("web", null, null, null)).conversation().id();
        List<RealtimeEvent> agents = new CopyOnWriteArrayList<>();
        List<RealtimeEvent> widget = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = bus.subscribe(RealtimeEvent.AGENTS, agents::add);
                AutoCloseable widgetStream = bus.subscribe(RealtimeEvent.conversationTopic(id), widget::add)) {
            for (int i = 0; i < 4; i++) {
                String slow = "slow-" + i;
                tx.executeWithoutResult(status -> events.publishEvent(new SlowWorkRequested(slow)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> BUSY.get() == 2);

            conversations.changeStatus(id, ConversationStatus.RESOLVED);

            await().atMost(Duration.ofSeconds(20)).until(() -> agents.stream().anyMatch(e -> e.type().equals("status")
                    && id.equals(e.data().get("conversationId")) && "RESOLVED".equals(e.data().get("status"))));

            // the widget channel's delivery is a module listener, busy too: the reply still reaches the widget
            conversations.postReply(id, AuthorType.AGENT, null, "Ada", "On its way", false);
            conversations.postReply(id, AuthorType.AGENT, null, "Ada", "a note for colleagues only", true);
            await().atMost(Duration.ofSeconds(20)).until(() -> widget.stream().anyMatch(e -> e.type().equals("message")
                    && e.data().toString().contains("On its way")));
            await().atMost(Duration.ofSeconds(5)).until(() -> agents.stream()
                    .anyMatch(e -> e.data().toString().contains("a note for colleagues only")));
            assertThat(widget).as("internal notes never reach the widget")
                    .noneMatch(e -> e.data().toString().contains("a note for colleagues only"));
            assertThat(BUSY.get()).as("the listener threads were still busy").isEqualTo(2);
        } finally {
            RELEASE.countDown();
        }
    }
}
