-- A million conversations of history under the widget load (issue 16, item 3: the figures hold on a database with a
-- million conversations), PostgreSQL: bench/analytics/generate.sql's conversations over 180 days, 5,000,000 messages,
-- analytics rows and SLA clocks, then what a running installation has for such a history: every conversation older
-- than the auto-close period closed (the generated ones are all older than 14 days), each with a contact of its own and
-- the website inbox.
-- Applied by bench/load.sh (LOAD_HISTORY=1) to the node's freshly migrated database while the node is stopped.
\set ON_ERROR_STOP on
\ir ../analytics/generate.sql

INSERT INTO contact (id, name, email, created_at, updated_at)
SELECT id, 'Customer ' || left(CAST(id AS VARCHAR(36)), 8), left(CAST(id AS VARCHAR(36)), 8) || '@example.com',
       created_at, created_at
FROM conversation;
UPDATE conversation SET status = 'CLOSED', resolved_at = COALESCE(resolved_at, escalated_at + INTERVAL '1 hour'),
                        contact_id = id, inbox_id = COALESCE(inbox_id, '7e5b0000-0000-4000-8000-000000000001');
UPDATE sla_clock s SET resolved_at = c.resolved_at
FROM conversation c WHERE s.conversation_id = c.id AND s.resolved_at IS NULL;

VACUUM ANALYZE conversation, sla_clock, contact;
SELECT status, COUNT(*) FROM conversation GROUP BY status;
SELECT (SELECT COUNT(*) FROM contact) AS contacts, (SELECT COUNT(*) FROM message) AS messages;
