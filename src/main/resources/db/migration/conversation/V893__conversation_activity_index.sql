-- The inbox's "latest activity first" order (and the REST API's sort=activity), read newest first on a large history.
CREATE INDEX conversation_activity_idx ON conversation (updated_at, id);
