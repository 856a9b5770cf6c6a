-- Actions: admin-defined calls to the company's own APIs. The definition is kept as the JSON an admin exports and
-- imports; connections hold the credentials (sealed by the encryption module, never shown again).
CREATE TABLE action_connection (
    id          UUID PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    header_name VARCHAR(100),
    username    VARCHAR(200),
    secret      VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT action_connection_kind_check CHECK (kind IN ('API_KEY', 'BEARER', 'BASIC'))
);
CREATE UNIQUE INDEX action_connection_name_idx ON action_connection (name);

CREATE TABLE action_definition (
    id         UUID PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    definition TEXT         NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX action_definition_name_idx ON action_definition (name);

-- Every run: inputs and outputs with redacted values masked, never credentials or the raw response. A write's
-- idempotency key is unique, so it runs once however often it is asked for.
CREATE TABLE action_execution (
    id              UUID PRIMARY KEY,
    action_id       UUID         NOT NULL,
    action_name     VARCHAR(100) NOT NULL,
    conversation_id UUID,
    status          VARCHAR(16)  NOT NULL,
    http_status     INT,
    latency_ms      BIGINT,
    error_type      VARCHAR(32),
    error           VARCHAR(1000),
    inputs          TEXT,
    outputs         TEXT,
    answer          TEXT,
    idempotency_key VARCHAR(64),
    mock            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT action_execution_status_check CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
CREATE UNIQUE INDEX action_execution_idempotency_idx ON action_execution (idempotency_key);
CREATE INDEX action_execution_action_idx ON action_execution (action_id, created_at);
CREATE INDEX action_execution_conversation_idx ON action_execution (conversation_id, created_at);
