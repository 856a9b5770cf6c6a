package dev.parley.action.internal;

import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The action each conversation is in the middle of (what was asked, what was given), kept across messages. What the
 * customer gave is stored sealed (issue 17); the input awaited is the action's own name for it and stays plain.
 */
@Repository
public class PendingActions {

    /** What the assistant waits for: an input's name, or {@link #CONFIRMATION}. */
    public record Pending(UUID conversationId, UUID actionId, Map<String, String> given, String awaiting,
            int attempts, Instant askedAt) {
    }

    public static final String CONFIRMATION = "#confirmation";
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() { };

    static final String GIVEN_PURPOSE = "action.pending.given";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Encryption encryption;

    PendingActions(JdbcClient jdbc, JsonMapper json, Encryption encryption) {
        this.jdbc = jdbc;
        this.json = json;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn actionPendingGivenColumn() {
        return EncryptedColumn.of("action_pending", "conversation_id", "given", GIVEN_PURPOSE);
    }

    public Optional<Pending> of(UUID conversationId) {
        return jdbc.sql("SELECT * FROM action_pending WHERE conversation_id = :id").param("id", conversationId)
                .query((rs, row) -> new Pending(conversationId, rs.getObject("action_id", UUID.class),
                        json.readValue(encryption.decrypt(rs.getString("given"), GIVEN_PURPOSE), VALUES), rs.getString("awaiting"), rs.getInt("attempts"),
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
                .param("given", encryption.encrypt(json.writeValueAsString(pending.given()), GIVEN_PURPOSE)).param("awaiting", pending.awaiting())
                .param("attempts", pending.attempts()).param("at", ActionStore.ts(now)).update();
    }

    public void forget(UUID conversationId) {
        jdbc.sql("DELETE FROM action_pending WHERE conversation_id = :id").param("id", conversationId).update();
    }
}
