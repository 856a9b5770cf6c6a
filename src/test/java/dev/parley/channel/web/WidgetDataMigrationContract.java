package dev.parley.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The widget's columns leave conversation with their data: rows written with the schema at version 622 keep
 * their token hash and visitor id (widget_conversation) and page, browser and referrer (conversation_source).
 */
abstract class WidgetDataMigrationContract {

    static final String[] LOCATIONS = {"classpath:db/migration/conversation", "classpath:db/migration/knowledge",
        "classpath:db/migration/identity", "classpath:db/migration/workspace", "classpath:db/migration/analytics",
        "classpath:db/migration/llm", "classpath:db/migration/assistant", "classpath:db/migration/encryption",
        "classpath:db/migration/cluster", "classpath:db/migration/channel", "classpath:db/migration/notification", "classpath:db/migration/learning", "classpath:db/migration/action", "classpath:db/migration/sla"};
    static final UUID WEBSITE_CHAT = UUID.fromString("7e5b0000-0000-4000-8000-000000000001");

    /** A fresh, empty database and the Flyway settings for it (schema included where the database has them). */
    abstract DataSource emptyDatabase();

    abstract Flyway flyway(DataSource dataSource, String target);

    @Test
    void widgetDataMovesToTheChannelAndTheColumnsAreDropped() {
        DataSource db = emptyDatabase();
        flyway(db, "622").migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        UUID web = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        UUID mail = UUID.randomUUID();
        UUID emailInbox = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO inbox (id, channel_type, name, address, assistant_mode, enabled, created_at, updated_at)
                VALUES (:id, 'email', 'Mail', 'help@example.test', 'ANSWER', TRUE, :at, :at)""")
                .param("id", emailInbox).param("at", now()).update();
        insert(jdbc, web, "web", WEBSITE_CHAT, "hash-web", "visitor-1", "https://shop.example/p/1", "Firefox",
                "https://search.example");
        insert(jdbc, bare, "web", WEBSITE_CHAT, "hash-bare", null, null, null, null);
        insert(jdbc, mail, "email", emailInbox, "hash-mail", null, null, null, null);

        flyway(db, "latest").migrate();

        assertThat(jdbc.sql("SELECT access_token_hash FROM widget_conversation WHERE conversation_id = :id")
                .param("id", web).query(String.class).single()).isEqualTo("hash-web");
        assertThat(jdbc.sql("SELECT visitor_id FROM widget_conversation WHERE conversation_id = :id")
                .param("id", web).query(String.class).single()).isEqualTo("visitor-1");
        assertThat(jdbc.sql("SELECT access_token_hash FROM widget_conversation WHERE conversation_id = :id")
                .param("id", bare).query(String.class).single()).isEqualTo("hash-bare");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM widget_conversation WHERE conversation_id = :id")
                .param("id", mail).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT page_url, user_agent, referrer FROM conversation_source WHERE conversation_id = :id")
                .param("id", web).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .single()).isEqualTo("https://shop.example/p/1|Firefox|https://search.example");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_source").query(Integer.class).single()).isEqualTo(1);
        for (String column : new String[] {"access_token_hash", "visitor_id", "page_url", "user_agent", "referrer"}) {
            assertThatThrownBy(() -> jdbc.sql("SELECT " + column + " FROM conversation").query(String.class).list())
                    .as(column).isNotNull();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation").query(Integer.class).single()).isEqualTo(3);
    }

    private static void insert(JdbcClient jdbc, UUID id, String channel, UUID inbox, String hash, String visitor,
            String page, String agent, String referrer) {
        jdbc.sql("""
                INSERT INTO conversation (id, channel, inbox_id, contact_id, status, priority, customer_name, visitor_id,
                    page_url, user_agent, referrer, access_token_hash, created_at, updated_at)
                VALUES (:id, :channel, :inbox, NULL, 'OPEN', 'MEDIUM', 'Sam', :visitor, :page, :agent, :referrer, :hash,
                    :at, :at)""")
                .param("id", id).param("channel", channel).param("inbox", inbox).param("visitor", visitor)
                .param("page", page).param("agent", agent).param("referrer", referrer).param("hash", hash)
                .param("at", now()).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
