package dev.parley.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.notification.internal.CustomerMessageMails;
import dev.parley.notification.internal.NotificationPreference;
import dev.parley.notification.internal.NotificationPreferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notification module's tables, on H2 and on PostgreSQL with the same migrations. */
abstract class NotificationTablesContract {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(migratedDataSource());
    private final NotificationPreferences preferences = new NotificationPreferences(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CustomerMessageMails mails = new CustomerMessageMails(jdbc);

    /** A fresh database with the notification migrations applied. */
    protected abstract DataSource migratedDataSource();

    @Test
    void anAgentWithoutSavedPreferencesHasTheDefaults() {
        UUID agent = UUID.randomUUID();
        assertThat(preferences.of(agent)).isEqualTo(NotificationPreference.defaults(agent));
    }

    @Test
    void savedPreferencesReplaceEarlierOnes() {
        UUID agent = UUID.randomUUID();
        preferences.save(new NotificationPreference(agent, false, true, false, true));
        assertThat(preferences.of(agent)).isEqualTo(new NotificationPreference(agent, false, true, false, true));
        preferences.save(new NotificationPreference(agent, true, false, true, false));
        assertThat(preferences.of(agent)).isEqualTo(new NotificationPreference(agent, true, false, true, false));
    }

    @Test
    void aConversationIsClaimedForAMailOncePerQuietPeriod() {
        UUID conversation = UUID.randomUUID();
        Duration quiet = Duration.ofMinutes(10);

        assertThat(mails.claim(conversation, NOW, NOW.minus(quiet))).isTrue();
        Instant later = NOW.plus(Duration.ofMinutes(9));
        assertThat(mails.claim(conversation, later, later.minus(quiet))).isFalse();
        Instant afterQuiet = NOW.plus(Duration.ofMinutes(10));
        assertThat(mails.claim(conversation, afterQuiet, afterQuiet.minus(quiet))).isTrue();
        assertThat(mails.claim(UUID.randomUUID(), later, later.minus(quiet))).isTrue();
    }

    @Test
    void aClaimGivenBackAfterAFailedSendCanBeClaimedAgain() {
        UUID conversation = UUID.randomUUID();
        assertThat(mails.claim(conversation, NOW, NOW.minusSeconds(600))).isTrue();
        mails.release(conversation, NOW);
        assertThat(mails.claim(conversation, NOW.plusSeconds(1), NOW.minusSeconds(599))).isTrue();
    }

    @Test
    void finishedQuietPeriodsAreForgotten() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        mails.claim(old, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(3)));
        mails.claim(recent, NOW, NOW.minusSeconds(600));

        assertThat(mails.forgetBefore(NOW.minus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(mails.claim(old, NOW, NOW.minusSeconds(600))).isTrue();
        assertThat(mails.claim(recent, NOW, NOW.minusSeconds(600))).isFalse();
    }
}
