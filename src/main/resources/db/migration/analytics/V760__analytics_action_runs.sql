-- One row per finished action call (from ActionExecuted), for the per-action figures: runs, failures by type and
-- latency. No inputs or outputs: those stay in the action module's log.
CREATE TABLE analytics_action_run (
    execution_id    UUID PRIMARY KEY,
    action_id       UUID         NOT NULL,
    action_name     VARCHAR(100) NOT NULL,
    conversation_id UUID,
    succeeded       BOOLEAN      NOT NULL,
    http_status     INT,
    latency_ms      BIGINT       NOT NULL,
    error_type      VARCHAR(32),
    run_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX analytics_action_run_at_idx ON analytics_action_run (run_at, action_name);
