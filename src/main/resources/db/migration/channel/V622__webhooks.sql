-- Outbound webhooks: admins subscribe URLs to events; every event becomes one delivery per subscription (at least
-- once, de-duplicated by event id), retried with back-off for a day, logged with status, latency and a snippet.
CREATE TABLE webhook_subscription (
    id                   UUID PRIMARY KEY,
    url                  VARCHAR(2000) NOT NULL,
    events               VARCHAR(500)  NOT NULL,
    secret               VARCHAR(1000) NOT NULL,
    active               BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason      VARCHAR(500),
    consecutive_failures INT           NOT NULL DEFAULT 0,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    id              UUID PRIMARY KEY,
    subscription_id UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id        UUID          NOT NULL,
    event_type      VARCHAR(64)   NOT NULL,
    payload         VARCHAR(20000) NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status     INT,
    last_latency_ms BIGINT,
    last_response   VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id),
    CONSTRAINT webhook_delivery_state_check CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at);
