-- The queue's wait estimate reads the most recently resolved escalated conversations; without this index
-- that was a scan and sort of the whole conversation table on every estimate.
CREATE INDEX conversation_resolved_idx ON conversation (resolved_at DESC);
