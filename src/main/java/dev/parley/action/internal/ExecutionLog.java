package dev.parley.action.internal;

import dev.parley.action.ActionExecution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** action_execution rows: one per run, inputs and outputs already masked by the caller. */
@Repository
public class ExecutionLog {

    private final JdbcClient jdbc;

    ExecutionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts a run. With an idempotency key only the first start succeeds: empty means the same write was started
     * before (see {@link #byIdempotencyKey}).
     */
    public Optional<UUID> start(UUID actionId, String actionName, UUID conversationId, String inputs,
            String idempotencyKey, boolean mock, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO action_execution (id, action_id, action_name, conversation_id, status, inputs,
                        idempotency_key, mock, created_at)
                    VALUES (:id, :action, :name, :conversation, 'RUNNING', :inputs, :key, :mock, :at)""")
                    .param("id", id).param("action", actionId).param("name", actionName)
                    .param("conversation", conversationId).param("inputs", inputs).param("key", idempotencyKey)
                    .param("mock", mock).param("at", ActionStore.ts(now)).update();
            return Optional.of(id);
        } catch (DuplicateKeyException sameWrite) {
            return Optional.empty();
        }
    }

    public void finish(UUID id, String status, Integer httpStatus, long latencyMs, String errorType, String error,
            String outputs, String answer) {
        jdbc.sql("""
                UPDATE action_execution SET status = :status, http_status = :http, latency_ms = :latency,
                    error_type = :type, error = :error, outputs = :outputs, answer = :answer WHERE id = :id""")
                .param("id", id).param("status", status).param("http", httpStatus).param("latency", latencyMs)
                .param("type", errorType).param("error", error == null || error.length() <= 1000 ? error
                        : error.substring(0, 1000))
                .param("outputs", outputs).param("answer", answer).update();
    }

    /** What a finished row says about where it ran: its conversation and whether it was a mock run. */
    public record Finished(UUID conversationId, boolean mock) {
    }

    public Finished finished(UUID id) {
        return jdbc.sql("SELECT conversation_id, mock FROM action_execution WHERE id = :id").param("id", id)
                .query((rs, row) -> new Finished(rs.getObject("conversation_id", UUID.class), rs.getBoolean("mock")))
                .single();
    }

    public Optional<ActionExecution> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT * FROM action_execution WHERE idempotency_key = :key").param("key", key)
                .query(ExecutionLog::execution).optional();
    }

    public List<ActionExecution> ofAction(UUID actionId, int limit) {
        return jdbc.sql("SELECT * FROM action_execution WHERE action_id = :id ORDER BY created_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("id", actionId).param("limit", limit).query(ExecutionLog::execution).list();
    }

    public List<ActionExecution> ofConversation(UUID conversationId, int limit) {
        return jdbc.sql("SELECT * FROM action_execution WHERE conversation_id = :id ORDER BY created_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("id", conversationId).param("limit", limit).query(ExecutionLog::execution).list();
    }

    private static ActionExecution execution(ResultSet rs, int row) throws SQLException {
        int http = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : http;
        long latency = rs.getLong("latency_ms");
        Long latencyMs = rs.wasNull() ? null : latency;
        return new ActionExecution(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
                rs.getString("action_name"), rs.getObject("conversation_id", UUID.class), rs.getString("status"),
                httpStatus, latencyMs, rs.getString("error_type"), rs.getString("error"), rs.getString("inputs"),
                rs.getString("outputs"), rs.getString("answer"), rs.getBoolean("mock"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
