package dev.parley.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.Conversations;
import dev.parley.conversation.NewConversation;
import dev.parley.support.ModuleListeners;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module listener that fails is run again by the resubmission job, and so is one whose run got lost; the analytics
 * projection is the listener under test. Its update is made to fail by a constraint the daily rollup breaks for one
 * channel, as a database that refuses a write would.
 */
@SpringBootTest(properties = "parley.events.resubmit-interval=1h")
class PublicationResubmissionTests {

    private static final String PROJECTION = "dev.parley.analytics.internal.ConversationFactsProjection.on(%";

    @Autowired
    Conversations conversations;
    @Autowired
    PublicationResubmission resubmission;
    @Autowired
    FailedPublications failed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.modulith.events.core.EventSerializer serializer;

    private final String channel = "flaky" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void acceptTheChannelAgain() {
        jdbc.sql("ALTER TABLE analytics_daily DROP CONSTRAINT IF EXISTS analytics_daily_refuses_" + channel).update();
    }

    @Test
    void eventsAreRecordedAndReadBackByTheApplicationsSerializer() {
        assertThat(serializer).isInstanceOf(PublicationSerializer.class);
    }

    @Test
    void aFailedAnalyticsUpdateIsRetriedAndThenCompleted() {
        refuseRollupsOf(channel);
        UUID id = conversations.start(new NewConversation(channel, null, null, null)).conversation().id();

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(projectionStatus()));
        assertThat(factsRows(id)).isZero();
        failed.count();
        long failedWhileRefused = failed.lastCount(); // parley_events_failed, which an alert watches
        assertThat(failedWhileRefused).isPositive();

        acceptTheChannelAgain();
        resubmission.resubmit();

        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        assertThat(factsRows(id)).isOne();
        assertThat(projectionStatus()).isNull();
        assertThat(dailyConversations()).isOne();
        failed.count();
        assertThat(failed.lastCount()).as("the completed run is no longer counted").isLessThan(failedWhileRefused);

        resubmission.resubmit();
        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        assertThat(dailyConversations()).as("a second resubmission finds nothing to count again").isOne();
    }

    @Test
    void aRunThatGotLostIsResubmittedOnceItIsStale() {
        refuseRollupsOf(channel);
        UUID id = conversations.start(new NewConversation(channel, null, null, null)).conversation().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(projectionStatus()));
        acceptTheChannelAgain();
        // As if its node had died before the listener ran: published long ago, never processed.
        jdbc.sql("UPDATE event_publication SET status = 'PUBLISHED', publication_date = :long_ago "
                        + "WHERE listener_id LIKE :l AND serialized_event LIKE :c")
                .param("long_ago", OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .param("l", PROJECTION).param("c", "%" + channel + "%").update();

        resubmission.resubmit();

        ModuleListeners.awaitCompleted(jdbc, "dev.parley.analytics");
        assertThat(factsRows(id)).isOne();
    }

    private void refuseRollupsOf(String refused) {
        jdbc.sql("ALTER TABLE analytics_daily ADD CONSTRAINT analytics_daily_refuses_" + refused
                + " CHECK (channel <> '" + refused + "')").update();
    }

    private String projectionStatus() {
        return jdbc.sql("SELECT status FROM event_publication WHERE listener_id LIKE :l AND serialized_event LIKE :c")
                .param("l", PROJECTION).param("c", "%" + channel + "%").query(String.class).optional().orElse(null);
    }

    private long factsRows(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM analytics_conversation WHERE conversation_id = :id")
                .param("id", id).query(Long.class).single();
    }

    private long dailyConversations() {
        return jdbc.sql("SELECT COALESCE(SUM(conversations), 0) FROM analytics_daily WHERE channel = :c")
                .param("c", channel).query(Long.class).single();
    }
}
