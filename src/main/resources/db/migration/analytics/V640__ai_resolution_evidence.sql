-- How an AI resolution is known: CONFIRMED (the customer clicked "Yes"), ASSUMED (no click before the feedback
-- timeout) or NULL (not decided yet); and whether it was durable (not reopened by the customer within 7 days).
-- durable_due_at is set while that is undecided, so the job that settles it reads only those rows.
ALTER TABLE analytics_conversation ADD COLUMN ai_resolution VARCHAR(16);
ALTER TABLE analytics_conversation ADD COLUMN ai_resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analytics_conversation ADD COLUMN reopened BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE analytics_conversation ADD COLUMN durable BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE analytics_conversation ADD COLUMN durable_due_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX analytics_conversation_durable_due_idx ON analytics_conversation (durable_due_at);

ALTER TABLE analytics_daily ADD COLUMN ai_confirmed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE analytics_daily ADD COLUMN ai_assumed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE analytics_daily ADD COLUMN ai_durable BIGINT NOT NULL DEFAULT 0;
