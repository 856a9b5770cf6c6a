-- Synthetic support history for the analytics scale benchmark (PostgreSQL):
-- 1,000,000 conversations over 180 days, 5,000,000 messages, and the analytics projection and
-- daily rollups built set-wise from them (the application keeps the same tables incrementally).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

TRUNCATE analytics_daily, analytics_daily_reason, analytics_daily_duration, analytics_daily_volume, analytics_daily_agent,
    analytics_conversation, message, conversation CASCADE;
TRUNCATE sla_clock, sla_daily;

INSERT INTO conversation (id, channel, status, priority, category, subject, created_at, updated_at, waiting_since,
                          first_response_at, escalated_at, resolved_at, escalation_reason)
SELECT md5(i::text)::uuid,
       (ARRAY['web','web','web','email','sms'])[1 + i % 5],
       (ARRAY['AI_RESOLVED','AI_RESOLVED','RESOLVED','ESCALATED','CLOSED'])[1 + (i / 7) % 5],
       (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','URGENT'])[1 + i % 5],
       (ARRAY['orders','billing','technical','account',NULL])[1 + (i / 3) % 5],
       'Question ' || (i % 300) || ' about my order',
       ts, ts, ts, ts + ((i % 600) * interval '1 second'),
       CASE WHEN (i / 7) % 5 IN (2, 3, 4) THEN ts + interval '1 minute' END,
       CASE WHEN (i / 7) % 5 IN (0, 1, 2) THEN ts + ((i % 7200) * interval '1 second') END,
       CASE WHEN (i / 7) % 5 IN (2, 3, 4) THEN (ARRAY['LOW_CONFIDENCE','HUMAN_REQUESTED','FRUSTRATION','NO_KNOWLEDGE'])[1 + i % 4] END
FROM (SELECT i, timestamptz '2026-11-20 12:00:00+00' - (i % 180) * interval '1 day' - (i % 43200) * interval '1 second' AS ts
      FROM generate_series(1, 1000000) AS i) AS g;

INSERT INTO message (id, conversation_id, author_type, body, internal, created_at)
SELECT md5('m' || j::text)::uuid, md5(((j - 1) / 5 + 1)::text)::uuid,
       (ARRAY['CUSTOMER','ASSISTANT','CUSTOMER','AGENT','CUSTOMER'])[1 + (j - 1) % 5],
       'Message ' || j, FALSE, timestamptz '2026-11-20 12:00:00+00' - (((j - 1) / 5 + 1) % 180) * interval '1 day'
FROM generate_series(1, 5000000) AS j;

INSERT INTO analytics_conversation (conversation_id, channel, created_at, created_day, messages, customer_messages,
        first_question, unanswered_question, ai_answered, escalated, escalation_reason, first_response_seconds,
        resolution_seconds, csat, tokens, cost_usd, ai_resolution, durable, taken_over, human_response_seconds,
        queue_wait_seconds, person_resolution_seconds, agent_id, inbox_id, category, priority)
SELECT c.id, c.channel, c.created_at, CAST(c.created_at AT TIME ZONE 'UTC' AS DATE), 5, 3, c.subject,
       CASE WHEN c.escalation_reason IN ('LOW_CONFIDENCE', 'NO_KNOWLEDGE') THEN c.subject END,
       c.status IN ('AI_RESOLVED', 'CLOSED'), c.escalated_at IS NOT NULL, c.escalation_reason,
       CAST(EXTRACT(EPOCH FROM c.first_response_at - c.created_at) AS BIGINT),
       CAST(EXTRACT(EPOCH FROM c.resolved_at - c.created_at) AS BIGINT),
       CASE WHEN c.status IN ('RESOLVED', 'CLOSED') THEN 1 + abs(hashtext(c.id::text)) % 5 END, 0, 0,
       (ARRAY['CONFIRMED', 'ASSUMED', 'ASSUMED', NULL])[1 + abs(hashtext(c.id::text)) % 4],
       abs(hashtext(c.id::text)) % 5 <> 0,
       c.escalated_at IS NOT NULL,
       CASE WHEN c.escalated_at IS NOT NULL THEN 30 + abs(hashtext(c.id::text)) % 1800 END,
       CASE WHEN c.escalated_at IS NOT NULL THEN abs(hashtext(c.id::text)) % 900 END,
       CASE WHEN c.status IN ('RESOLVED', 'CLOSED') THEN CAST(EXTRACT(EPOCH FROM c.resolved_at - c.created_at) AS BIGINT) END,
       CASE WHEN c.escalated_at IS NOT NULL THEN md5('agent' || (abs(hashtext(c.id::text)) % 20))::uuid END,
       '7e5b0000-0000-4000-8000-000000000001', c.category, c.priority
FROM conversation c;

INSERT INTO analytics_daily (report_day, channel, conversations, messages, ai_resolved, escalated,
                             ai_confirmed, ai_assumed, ai_durable,
                             csat_1, csat_2, csat_3, csat_4, csat_5, tokens, cost_usd)
SELECT created_day, channel, COUNT(*), SUM(messages),
       SUM(CASE WHEN ai_answered AND NOT escalated THEN 1 ELSE 0 END), SUM(CASE WHEN escalated THEN 1 ELSE 0 END),
       SUM(CASE WHEN ai_answered AND NOT escalated AND ai_resolution = 'CONFIRMED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN ai_answered AND NOT escalated AND ai_resolution = 'ASSUMED' THEN 1 ELSE 0 END),
       SUM(CASE WHEN ai_answered AND NOT escalated AND durable THEN 1 ELSE 0 END),
       SUM(CASE WHEN csat = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN csat = 2 THEN 1 ELSE 0 END),
       SUM(CASE WHEN csat = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN csat = 4 THEN 1 ELSE 0 END),
       SUM(CASE WHEN csat = 5 THEN 1 ELSE 0 END), SUM(tokens), SUM(cost_usd)
FROM analytics_conversation GROUP BY created_day, channel;

INSERT INTO analytics_daily_reason (report_day, channel, reason, escalations)
SELECT created_day, channel, escalation_reason, COUNT(*) FROM analytics_conversation
WHERE escalated GROUP BY created_day, channel, escalation_reason;

INSERT INTO analytics_daily_duration (report_day, channel, metric, bucket, n, seconds)
SELECT created_day, channel, 'first_response', CAST(floor(ln(1 + first_response_seconds) / ln(1.1)) AS INT), COUNT(*),
       SUM(first_response_seconds)
FROM analytics_conversation WHERE first_response_seconds IS NOT NULL
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT created_day, channel, 'resolution', CAST(floor(ln(1 + resolution_seconds) / ln(1.1)) AS INT), COUNT(*),
       SUM(resolution_seconds)
FROM analytics_conversation WHERE resolution_seconds IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO analytics_daily_duration (report_day, channel, metric, bucket, n, seconds)
SELECT created_day, channel, 'human_response', CAST(floor(ln(1 + human_response_seconds) / ln(1.1)) AS INT), COUNT(*),
       SUM(human_response_seconds)
FROM analytics_conversation WHERE human_response_seconds IS NOT NULL
GROUP BY 1, 2, 3, 4
UNION ALL
SELECT created_day, channel, 'queue_wait', CAST(floor(ln(1 + queue_wait_seconds) / ln(1.1)) AS INT), COUNT(*),
       SUM(queue_wait_seconds)
FROM analytics_conversation WHERE queue_wait_seconds IS NOT NULL
GROUP BY 1, 2, 3, 4;

INSERT INTO analytics_daily_volume (report_day, channel, dimension, dimension_value, conversations)
SELECT created_day, channel, 'inbox', COALESCE(CAST(inbox_id AS VARCHAR(64)), ''), COUNT(*) FROM analytics_conversation GROUP BY 1, 2, 3, 4
UNION ALL
SELECT created_day, channel, 'category', COALESCE(category, ''), COUNT(*) FROM analytics_conversation GROUP BY 1, 2, 3, 4
UNION ALL
SELECT created_day, channel, 'priority', COALESCE(priority, ''), COUNT(*) FROM analytics_conversation GROUP BY 1, 2, 3, 4;

INSERT INTO analytics_daily_agent (report_day, channel, agent_id, conversations, human_response_n, human_response_seconds,
    resolution_n, resolution_seconds, csat_n, csat_points)
SELECT created_day, channel, agent_id, COUNT(*), COUNT(human_response_seconds), COALESCE(SUM(human_response_seconds), 0),
       COUNT(person_resolution_seconds), COALESCE(SUM(person_resolution_seconds), 0), COUNT(csat), COALESCE(SUM(csat), 0)
FROM analytics_conversation WHERE agent_id IS NOT NULL GROUP BY created_day, channel, agent_id;

-- SLA clocks (issue 20, time rules) for every conversation handed to people: targets by priority from the
-- hand-over; first responses and resolutions spread around their due times, so some are met and some breached.
INSERT INTO sla_clock (conversation_id, channel, conversation_created_at, priority, team_id, started_at,
                       first_response_due, first_response_at, first_response_breached_at, resolution_due, resolved_at,
                       resolution_breached_at)
SELECT c.id, c.channel, c.created_at, c.priority, NULL, c.escalated_at,
       c.escalated_at + t.first_target,
       c.escalated_at + (abs(hashtext(c.id::text)) % 7200) * interval '1 second',
       CASE WHEN (abs(hashtext(c.id::text)) % 7200) * interval '1 second' > t.first_target
            THEN c.escalated_at + t.first_target END,
       c.escalated_at + t.resolution_target,
       c.resolved_at,
       CASE WHEN c.resolved_at IS NULL OR c.resolved_at > c.escalated_at + t.resolution_target
            THEN c.escalated_at + t.resolution_target END
FROM conversation c
JOIN (VALUES ('URGENT', interval '15 minutes', interval '4 hours'), ('HIGH', interval '1 hour', interval '8 hours'),
             ('MEDIUM', interval '4 hours', interval '24 hours'), ('LOW', interval '8 hours', interval '48 hours'))
     AS t(priority, first_target, resolution_target) ON t.priority = c.priority
WHERE c.escalated_at IS NOT NULL;

-- The SLA sweep's daily counts of settled outcomes (SlaDailyRollup), as a running installation has them.
INSERT INTO sla_daily (report_day, channel, team_key, first_met, first_breached, resolution_met, resolution_breached)
SELECT CAST(conversation_created_at AT TIME ZONE 'UTC' AS DATE), COALESCE(channel, ''),
       COALESCE(CAST(team_id AS VARCHAR(36)), ''),
       SUM(CASE WHEN first_response_due IS NOT NULL AND first_response_at IS NOT NULL
           AND first_response_at <= first_response_due THEN 1 ELSE 0 END),
       SUM(CASE WHEN first_response_due IS NOT NULL AND ((first_response_at IS NOT NULL
           AND first_response_at > first_response_due) OR (first_response_at IS NULL
           AND first_response_breached_at IS NOT NULL)) THEN 1 ELSE 0 END),
       SUM(CASE WHEN resolution_due IS NOT NULL AND resolved_at IS NOT NULL
           AND resolved_at <= resolution_due THEN 1 ELSE 0 END),
       SUM(CASE WHEN resolution_due IS NOT NULL AND ((resolved_at IS NOT NULL
           AND resolved_at > resolution_due) OR (resolved_at IS NULL
           AND resolution_breached_at IS NOT NULL)) THEN 1 ELSE 0 END)
FROM sla_clock GROUP BY 1, 2, 3;
UPDATE sla_clock SET rolled_up = TRUE;

-- Only the tables filled here: an ANALYZE of an empty table (the event publications) records it as empty, and with
-- autovacuum off (as on the CI machines) nothing corrects that, so the node's cached plans would scan it.
ANALYZE conversation, message, analytics_conversation, analytics_daily, analytics_daily_reason, analytics_daily_duration,
    analytics_daily_volume, analytics_daily_agent, sla_clock, sla_daily;
SELECT (SELECT COUNT(*) FROM conversation) AS conversations, (SELECT COUNT(*) FROM sla_clock) AS sla_clocks, (SELECT COUNT(*) FROM message) AS messages,
       (SELECT COUNT(*) FROM analytics_daily) AS rollup_rows;
