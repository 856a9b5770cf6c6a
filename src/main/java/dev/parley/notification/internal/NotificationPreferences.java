package dev.parley.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every agent's notification preferences; an agent without a row has the defaults. */
@Repository
public class NotificationPreferences {

    private static final String COLUMNS =
            "agent_id, email_on_assignment, email_on_customer_message, browser_notifications, sound, email_on_mention";

    private final JdbcClient jdbc;
    private final Clock clock;

    public NotificationPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public NotificationPreference of(UUID agentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_preference WHERE agent_id = :a").param("a", agentId)
                .query(NotificationPreferences::map).optional()
                .orElseGet(() -> NotificationPreference.defaults(agentId));
    }

    public void save(NotificationPreference preference) {
        if (update(preference) == 0) {
            int inserted = jdbc.sql("INSERT INTO notification_preference (" + COLUMNS + ", updated_at) "
                            + "VALUES (:a, :assignment, :customer, :browser, :sound, :mention, :at) ON CONFLICT DO NOTHING")
                    .params(params(preference)).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
            if (inserted == 0) {
                update(preference);
            }
        }
    }

    private int update(NotificationPreference preference) {
        return jdbc.sql("""
                UPDATE notification_preference SET email_on_assignment = :assignment,
                    email_on_customer_message = :customer, browser_notifications = :browser, sound = :sound,
                    email_on_mention = :mention,
                    updated_at = :at
                WHERE agent_id = :a""")
                .params(params(preference)).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private static java.util.Map<String, Object> params(NotificationPreference p) {
        return java.util.Map.of("a", p.agentId(), "assignment", p.emailOnAssignment(),
                "customer", p.emailOnCustomerMessage(), "browser", p.browserNotifications(), "sound", p.sound(),
                "mention", p.emailOnMention());
    }

    private static NotificationPreference map(ResultSet rs, int row) throws SQLException {
        return new NotificationPreference(rs.getObject("agent_id", UUID.class), rs.getBoolean("email_on_assignment"),
                rs.getBoolean("email_on_customer_message"), rs.getBoolean("browser_notifications"),
                rs.getBoolean("sound"), rs.getBoolean("email_on_mention"));
    }
}
