package dev.parley.action.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The action each conversation is in the middle of (what was asked, what was given), kept across messages. */
@Repository
public class PendingActions {

    /** What the assistant waits for: an input's name, or {@link #CONFIRMATION}. */
    public record Pending(UUID conversationId, UUID actionId, Map<String, String> given, String awaiting,
            int attempts, Instant askedAt) {
    }

    public static final String CONFIRMATION = "#confirmation";
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PendingActions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Pending> of(UUID conversationId) {
        return jdbc.sql("SELECT * FROM action_pending WHERE conversation_id = :id").param("id", conversationId)
                .query((rs, row) -> new Pending(conversationId, rs.getObject("action_id", UUID.class),
                        json.readValue(rs.getString("given"), VALUES), rs.getString("awaiting"), rs.getInt("attempts"),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Stores what was asked now ({@code askedAt} is ignored). */
    public void save(Pending pending, Instant now) {
        forget(pending.conversationId());
        jdbc.sql("""
                INSERT INTO action_pending (conversation_id, action_id, given, awaiting, attempts, updated_at)
                VALUES (:conversation, :action, :given, :awaiting, :attempts, :at)""")
                .param("conversation", pending.conversationId()).param("action", pending.actionId())
                .param("given", json.writeValueAsString(pending.given())).param("awaiting", pending.awaiting())
                .param("attempts", pending.attempts()).param("at", ActionStore.ts(now)).update();
    }

    public void forget(UUID conversationId) {
        jdbc.sql("DELETE FROM action_pending WHERE conversation_id = :id").param("id", conversationId).update();
    }
}
