-- The inbox's waiting order (longest-waiting customer first) sorted every conversation by
-- COALESCE(last_customer_message_at, created_at), an expression no portable index covers, so each page of the "All" and
-- "Closed" views read and sorted the whole table (about a second per page at a million conversations). The value is
-- now stored beside the row, kept by the repository, and indexed with the tie-breaker (filling and indexing a million
-- rows took 46 s on PostgreSQL). The default covers rows a node of the previous version inserts during a rolling
-- upgrade.
ALTER TABLE conversation ADD COLUMN waiting_since TIMESTAMP WITH TIME ZONE;
UPDATE conversation SET waiting_since = COALESCE(last_customer_message_at, created_at);
ALTER TABLE conversation ALTER COLUMN waiting_since SET DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX conversation_waiting_idx ON conversation (waiting_since, id);
