package dev.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An installation of the last release (schema V600) with data upgrades to this version losing nothing: every
 * conversation gets a contact (one per email address, case-insensitive, else per widget visitor, else its own) and
 * the website chat inbox; messages stay; the widget's token and visitor move to the channel.
 */
abstract class UpgradeFromReleaseContract {

    static final String[] LOCATIONS = {"classpath:db/migration/conversation", "classpath:db/migration/knowledge",
        "classpath:db/migration/identity", "classpath:db/migration/workspace", "classpath:db/migration/analytics",
        "classpath:db/migration/llm", "classpath:db/migration/assistant", "classpath:db/migration/encryption",
        "classpath:db/migration/cluster", "classpath:db/migration/channel", "classpath:db/migration/notification", "classpath:db/migration/learning", "classpath:db/migration/action", "classpath:db/migration/sla"};
    static final UUID WEBSITE_CHAT = UUID.fromString("7e5b0000-0000-4000-8000-000000000001");

    abstract DataSource emptyDatabase();

    abstract Flyway flyway(DataSource dataSource, String target);

    @Test
    void aReleasedDatabaseUpgradesWithContactsAndInboxesAndLosesNothing() {
        DataSource db = emptyDatabase();
        flyway(db, String.valueOf(MigrationVersionsTests.LAST_RELEASED)).migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        UUID ann1 = conversation(jdbc, "Ann", "Ann@Example.com", "v-1", "hash-1");
        UUID ann2 = conversation(jdbc, "Ann S.", "ann@example.com", "v-9", "hash-2");
        UUID visitorA = conversation(jdbc, null, null, "v-2", "hash-3");
        UUID visitorB = conversation(jdbc, null, null, "v-2", "hash-4");
        UUID anonymous = conversation(jdbc, null, null, null, "hash-5");
        jdbc.sql("INSERT INTO message (id, conversation_id, author_type, body, created_at) VALUES (:id, :c, 'CUSTOMER',"
                + " 'Where is my parcel?', :at)").param("id", UUID.randomUUID()).param("c", ann1).param("at", now()).update();

        flyway(db, "latest").migrate();

        assertThat(contactOf(jdbc, ann1)).isEqualTo(contactOf(jdbc, ann2));
        assertThat(contactOf(jdbc, visitorA)).isEqualTo(contactOf(jdbc, visitorB)).isNotEqualTo(contactOf(jdbc, ann1));
        assertThat(contactOf(jdbc, anonymous)).isNotNull().isNotIn(contactOf(jdbc, ann1), contactOf(jdbc, visitorA));
        assertThat(jdbc.sql("SELECT email FROM contact WHERE id = :id").param("id", contactOf(jdbc, ann1))
                .query(String.class).single()).isEqualTo("ann@example.com");
        assertThat(jdbc.sql("SELECT contact_id FROM contact_handle WHERE kind = 'EMAIL' AND handle = 'ann@example.com'")
                .query(UUID.class).single()).isEqualTo(contactOf(jdbc, ann1));
        assertThat(jdbc.sql("SELECT contact_id FROM contact_handle WHERE kind = 'VISITOR' AND handle = 'v-2'")
                .query(UUID.class).single()).isEqualTo(contactOf(jdbc, visitorA));
        assertThat(jdbc.sql("SELECT DISTINCT inbox_id FROM conversation").query(UUID.class).list())
                .containsExactly(WEBSITE_CHAT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation").query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT body FROM message WHERE conversation_id = :c").param("c", ann1)
                .query(String.class).list()).containsExactly("Where is my parcel?");
        assertThat(jdbc.sql("SELECT access_token_hash FROM widget_conversation ORDER BY access_token_hash")
                .query(String.class).list()).isEqualTo(List.of("hash-1", "hash-2", "hash-3", "hash-4", "hash-5"));
    }

    private static UUID conversation(JdbcClient jdbc, String name, String email, String visitor, String hash) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO conversation (id, channel, status, priority, customer_name, customer_email, visitor_id,
                    access_token_hash, created_at, updated_at)
                VALUES (:id, 'web', 'OPEN', 'MEDIUM', :name, :email, :visitor, :hash, :at, :at)""")
                .param("id", id).param("name", name).param("email", email).param("visitor", visitor)
                .param("hash", hash).param("at", now()).update();
        return id;
    }

    private static UUID contactOf(JdbcClient jdbc, UUID conversationId) {
        return jdbc.sql("SELECT contact_id FROM conversation WHERE id = :id").param("id", conversationId)
                .query(UUID.class).single();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
