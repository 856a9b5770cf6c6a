package dev.parley.channel.widget;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * widget_conversation rows: the web channel's own data per conversation (token hash, visitor id). Public within the
 * channel module only for {@code channel.web}, whose web code may not use JDBC itself.
 */
@Repository
public class WidgetConversationStore {

    private final JdbcClient jdbc;

    WidgetConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID conversationId, String tokenHash, String visitorId, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO widget_conversation (conversation_id, access_token_hash, visitor_id, created_at)
                VALUES (:id, :hash, :visitor, :at)""")
                .param("id", conversationId).param("hash", tokenHash).param("visitor", visitorId)
                .param("at", createdAt.atOffset(ZoneOffset.UTC)).update();
    }

    /** The token hash of a widget conversation; empty when the conversation did not start in the widget. */
    public Optional<String> tokenHash(UUID conversationId) {
        return jdbc.sql("SELECT access_token_hash FROM widget_conversation WHERE conversation_id = :id")
                .param("id", conversationId).query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(hash -> hash);
    }
}
