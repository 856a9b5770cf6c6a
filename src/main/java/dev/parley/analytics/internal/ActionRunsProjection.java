package dev.parley.analytics.internal;

import dev.parley.action.ActionExecuted;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per finished action call for the per-action figures. Test runs against the mock response are not
 * the customer's calls and are left out; a redelivered event finds its row and changes nothing.
 */
@Component
class ActionRunsProjection {

    private final JdbcClient jdbc;

    ActionRunsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(ActionExecuted event) {
        if (event.mock()) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO analytics_action_run (execution_id, action_id, action_name, conversation_id,
                        succeeded, http_status, latency_ms, error_type, run_at)
                    VALUES (:id, :action, :name, :conversation, :succeeded, :http, :latency, :type, :at)""")
                    .param("id", event.executionId()).param("action", event.actionId()).param("name", event.name())
                    .param("conversation", event.conversationId()).param("succeeded", event.succeeded())
                    .param("http", event.httpStatus()).param("latency", event.latencyMs())
                    .param("type", event.errorType()).param("at", event.at().atOffset(ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException alreadyProjected) {
            // delivered again after a retry: the row is there
        }
    }
}
