-- Retention: when a conversation's texts were anonymised (past the retention period, or with its contact's erasure),
-- so the daily sweep does not take it again.
ALTER TABLE conversation ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX conversation_retention_idx ON conversation (anonymised_at, updated_at);
