package dev.parley.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import dev.parley.support.MigrationDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V710 recounts the history it can: a conversation the assistant answered and an agent then answered is taken over
 * (out of the AI-resolved rollups), each conversation counts for its assignee, and the volumes are rolled up.
 */
abstract class PeopleMigrationContract {

    static final UUID WEBSITE_CHAT = UUID.fromString("7e5b0000-0000-4000-8000-000000000001");
    static final LocalDate DAY = LocalDate.of(2026, 5, 4);
    static final OffsetDateTime AT = OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.UTC);

    abstract MigrationDatabase emptyDatabase();

    @Test
    void theHistoryIsRecountedWithTakeOversAgentsAndVolumes() {
        MigrationDatabase db = emptyDatabase();
        db.migrateTo("700");
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        UUID agent = UUID.randomUUID();
        UUID aiOnly = conversation(jdbc, "AI_RESOLVED", null, null);
        UUID takenOver = conversation(jdbc, "IN_PROGRESS", agent, "billing");
        jdbc.sql("UPDATE conversation SET escalated_at = :at WHERE id = :id").param("at", AT).param("id", takenOver)
                .update();
        message(jdbc, takenOver, "AGENT", false);
        UUID noted = conversation(jdbc, "AI_RESOLVED", null, null);
        message(jdbc, noted, "AGENT", true); // an internal note is no take-over
        for (UUID id : new UUID[] {aiOnly, takenOver, noted}) {
            jdbc.sql("""
                    INSERT INTO analytics_conversation (conversation_id, channel, created_at, created_day, ai_answered,
                        ai_resolution, durable, resolution_seconds, csat)
                    VALUES (:id, 'web', :at, :day, TRUE, 'ASSUMED', TRUE, 60, :csat)""")
                    .param("id", id).param("at", AT).param("day", DAY).param("csat", id.equals(takenOver) ? 4 : null)
                    .update();
        }
        jdbc.sql("""
                INSERT INTO analytics_daily (report_day, channel, conversations, ai_resolved, ai_assumed, ai_durable)
                VALUES (:day, 'web', 3, 3, 3, 3)""").param("day", DAY).update();

        db.migrateTo("latest");

        assertThat(jdbc.sql("SELECT ai_resolved, ai_assumed, ai_durable FROM analytics_daily")
                .query((rs, i) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3)).single())
                .isEqualTo("2/2/2");
        assertThat(jdbc.sql("SELECT taken_over FROM analytics_conversation WHERE conversation_id = :id")
                .param("id", takenOver).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_conversation WHERE escalated_at IS NOT NULL")
                .query(Long.class).single()).as("no wait is measured from history").isZero();
        assertThat(jdbc.sql("SELECT taken_over FROM analytics_conversation WHERE conversation_id = :id")
                .param("id", noted).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT dimension_value || '=' || conversations FROM analytics_daily_volume"
                + " WHERE dimension = 'category' ORDER BY dimension_value").query(String.class).list())
                .containsExactly("=2", "billing=1");
        assertThat(jdbc.sql("SELECT dimension_value || '=' || conversations FROM analytics_daily_volume"
                + " WHERE dimension = 'inbox'").query(String.class).list())
                .containsExactly(WEBSITE_CHAT + "=3");
        assertThat(jdbc.sql("SELECT agent_id, conversations, csat_n, csat_points FROM analytics_daily_agent")
                .query((rs, i) -> rs.getObject(1, UUID.class) + " " + rs.getLong(2) + " " + rs.getLong(3) + " "
                        + rs.getLong(4)).list())
                .containsExactly(agent + " 1 1 4");
    }

    private static UUID conversation(JdbcClient jdbc, String status, UUID assignee, String category) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO conversation (id, channel, inbox_id, status, priority, category, customer_name, assignee_id,
                    created_at, updated_at)
                VALUES (:id, 'web', :inbox, :status, 'MEDIUM', :category, 'Sam', :assignee, :at, :at)""")
                .param("id", id).param("inbox", WEBSITE_CHAT).param("status", status).param("category", category)
                .param("assignee", assignee).param("at", AT).update();
        return id;
    }

    private static void message(JdbcClient jdbc, UUID conversation, String author, boolean internal) {
        jdbc.sql("""
                INSERT INTO message (id, conversation_id, author_type, body, internal, created_at)
                VALUES (:id, :c, :author, 'Hello', :internal, :at)""")
                .param("id", UUID.randomUUID()).param("c", conversation).param("author", author)
                .param("internal", internal).param("at", AT.plusMinutes(5)).update();
    }
}
