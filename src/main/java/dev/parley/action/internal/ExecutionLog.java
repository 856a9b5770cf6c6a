package dev.parley.action.internal;

import dev.parley.action.ActionExecution;
import dev.parley.encryption.EncryptedColumn;
import dev.parley.encryption.Encryption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * action_execution rows: one per run, inputs and outputs already masked by the caller. What the customer gave and
 * got (inputs, outputs, answer, error text) is stored sealed (issue 17) and opened here; the action's name, status,
 * HTTP status, latency and the idempotency key (a hash that includes the conversation id) stay plain for figures and
 * lookups.
 */
@Repository
public class ExecutionLog {

    static final String INPUTS_PURPOSE = "action.execution.inputs";
    static final String OUTPUTS_PURPOSE = "action.execution.outputs";
    static final String ANSWER_PURPOSE = "action.execution.answer";
    static final String ERROR_PURPOSE = "action.execution.error";

    private final JdbcClient jdbc;
    private final Encryption encryption;

    ExecutionLog(JdbcClient jdbc, Encryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Bean
    static EncryptedColumn actionInputsColumn() {
        return EncryptedColumn.of("action_execution", "id", "inputs", INPUTS_PURPOSE);
    }

    @Bean
    static EncryptedColumn actionOutputsColumn() {
        return EncryptedColumn.of("action_execution", "id", "outputs", OUTPUTS_PURPOSE);
    }

    @Bean
    static EncryptedColumn actionAnswerColumn() {
        return EncryptedColumn.of("action_execution", "id", "answer", ANSWER_PURPOSE);
    }

    @Bean
    static EncryptedColumn actionErrorColumn() {
        return EncryptedColumn.of("action_execution", "id", "error", ERROR_PURPOSE);
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
                    .param("conversation", conversationId).param("inputs", encryption.encrypt(inputs, INPUTS_PURPOSE)).param("key", idempotencyKey)
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
                .param("type", errorType).param("error", encryption.encrypt(error == null || error.length() <= 1000
                        ? error : error.substring(0, 1000), ERROR_PURPOSE))
                .param("outputs", encryption.encrypt(outputs, OUTPUTS_PURPOSE))
                .param("answer", encryption.encrypt(answer, ANSWER_PURPOSE)).update();
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
                .query(execution(encryption::decrypt)).optional();
    }

    public List<ActionExecution> ofAction(UUID actionId, int limit) {
        return jdbc.sql("SELECT * FROM action_execution WHERE action_id = :id ORDER BY created_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("id", actionId).param("limit", limit).query(execution(encryption::decryptForList)).list();
    }

    public List<ActionExecution> ofConversation(UUID conversationId, int limit) {
        return jdbc.sql("SELECT * FROM action_execution WHERE conversation_id = :id ORDER BY created_at DESC"
                        + " FETCH FIRST :limit ROWS ONLY")
                .param("id", conversationId).param("limit", limit).query(execution(encryption::decryptForList))
                .list();
    }

    /**
     * Rows opened with {@code open}: strictly where a value is used again (an idempotent replay), leniently for the
     * logs people read, where a value that cannot be opened reads as unreadable instead of failing the list.
     */
    private RowMapper<ActionExecution> execution(BiFunction<String, String, String> open) {
        return (rs, row) -> execution(rs, open);
    }

    private static ActionExecution execution(ResultSet rs, BiFunction<String, String, String> open)
            throws SQLException {
        int http = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : http;
        long latency = rs.getLong("latency_ms");
        Long latencyMs = rs.wasNull() ? null : latency;
        return new ActionExecution(rs.getObject("id", UUID.class), rs.getObject("action_id", UUID.class),
                rs.getString("action_name"), rs.getObject("conversation_id", UUID.class), rs.getString("status"),
                httpStatus, latencyMs, rs.getString("error_type"), open.apply(rs.getString("error"), ERROR_PURPOSE),
                open.apply(rs.getString("inputs"), INPUTS_PURPOSE),
                open.apply(rs.getString("outputs"), OUTPUTS_PURPOSE),
                open.apply(rs.getString("answer"), ANSWER_PURPOSE), rs.getBoolean("mock"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
