-- Probes the inbox's orders and the start-up waiting-order repair on a million rows shaped like `conversation`.
-- Run: psql -h 127.0.0.1 -U postgres -d test -f bench/db/inbox-orders-probe.sql   (drops its own tables at the end)
DROP TABLE IF EXISTS sort_probe;
CREATE TABLE sort_probe AS SELECT gen_random_uuid() id, now() - (g || ' seconds')::interval created_at,
    now() - ((g * 7 % 1000000) || ' seconds')::interval updated_at,
    (ARRAY['OPEN', 'CLOSED', 'RESOLVED', 'ESCALATED'])[1 + g % 4] status
FROM generate_series(1, 1000000) g;
CREATE INDEX ON sort_probe (updated_at, id);
CREATE INDEX ON sort_probe (created_at);
CREATE INDEX ON sort_probe (status, created_at);
ANALYZE sort_probe;
EXPLAIN ANALYZE SELECT * FROM sort_probe c WHERE c.status IN ('OPEN', 'ESCALATED')
    ORDER BY c.updated_at DESC, c.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
EXPLAIN ANALYZE SELECT * FROM sort_probe c ORDER BY c.created_at DESC, c.id DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
DROP TABLE sort_probe;

DROP TABLE IF EXISTS repair_probe;
CREATE TABLE repair_probe AS SELECT gen_random_uuid() id, now() - (g || ' seconds')::interval created_at,
    CASE WHEN g % 2 = 0 THEN now() - ((g / 2) || ' seconds')::interval END last_customer_message_at,
    now() updated_at, repeat('x', 300) pad
FROM generate_series(1, 1000000) g;
ALTER TABLE repair_probe ADD COLUMN waiting_since timestamptz;
UPDATE repair_probe SET waiting_since = COALESCE(last_customer_message_at, created_at);
VACUUM ANALYZE repair_probe;
\timing on
UPDATE repair_probe SET waiting_since = COALESCE(last_customer_message_at, created_at)
WHERE waiting_since IS NULL OR waiting_since <> COALESCE(last_customer_message_at, created_at);
UPDATE repair_probe SET waiting_since = COALESCE(last_customer_message_at, created_at)
WHERE waiting_since IS NULL OR waiting_since <> COALESCE(last_customer_message_at, created_at);
\timing off
DROP TABLE repair_probe;
