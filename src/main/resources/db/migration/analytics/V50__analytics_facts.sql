-- One row per conversation, maintained from conversation events as they are committed: the
-- projection analytics reads, so reports never scan messages.
CREATE TABLE analytics_conversation (
    conversation_id        UUID PRIMARY KEY,
    channel                VARCHAR(32) NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_day            DATE NOT NULL,
    messages               INT NOT NULL DEFAULT 0,
    customer_messages      INT NOT NULL DEFAULT 0,
    first_question         VARCHAR(1000),
    last_question          VARCHAR(1000),
    unanswered_question    VARCHAR(1000),
    ai_answered            BOOLEAN NOT NULL DEFAULT FALSE,
    escalated              BOOLEAN NOT NULL DEFAULT FALSE,
    escalation_reason      VARCHAR(32),
    first_response_seconds BIGINT,
    resolution_seconds     BIGINT,
    csat                   INT,
    tokens                 BIGINT NOT NULL DEFAULT 0,
    cost_usd               DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX analytics_conversation_day_idx ON analytics_conversation (created_day, channel);
