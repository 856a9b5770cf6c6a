-- Who handled a conversation and how long its customer waited for a person (docs/analytics.md):
-- taken_over   an agent replied to the customer or moved it to a person's status (in progress, waiting on the customer):
--              it no longer counts as resolved by the assistant;
-- escalated_at the first escalation; first_agent_reply_at the first visible agent reply; picked_up_at the first time an
--              agent got it (assigned or replied); the two durations are derived from these three;
-- agent_id     the agent who held it last (an unassignment keeps it), for the per-agent figures;
-- inbox_id, category, priority as they are now, for the volumes.
ALTER TABLE analytics_conversation ADD COLUMN taken_over BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE analytics_conversation ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analytics_conversation ADD COLUMN first_agent_reply_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analytics_conversation ADD COLUMN picked_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analytics_conversation ADD COLUMN human_response_seconds BIGINT;
ALTER TABLE analytics_conversation ADD COLUMN queue_wait_seconds BIGINT;
-- From creation to the latest move to RESOLVED (by a person; the assistant's resolutions are AI_RESOLVED).
ALTER TABLE analytics_conversation ADD COLUMN person_resolution_seconds BIGINT;
ALTER TABLE analytics_conversation ADD COLUMN agent_id UUID;
ALTER TABLE analytics_conversation ADD COLUMN agent_assigned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE analytics_conversation ADD COLUMN inbox_id UUID;
ALTER TABLE analytics_conversation ADD COLUMN category VARCHAR(64);
ALTER TABLE analytics_conversation ADD COLUMN priority VARCHAR(16);
-- Exact percentiles read only the measured rows of a range, however many conversations it holds.
CREATE INDEX analytics_conversation_human_response_idx ON analytics_conversation (human_response_seconds, created_day);
CREATE INDEX analytics_conversation_queue_wait_idx ON analytics_conversation (queue_wait_seconds, created_day);

-- Conversations per day and channel by inbox, category and priority ('' when none).
CREATE TABLE analytics_daily_volume (
    report_day    DATE        NOT NULL,
    channel       VARCHAR(32) NOT NULL,
    dimension     VARCHAR(16) NOT NULL,
    dimension_value VARCHAR(64) NOT NULL,
    conversations BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (report_day, channel, dimension, dimension_value)
);

-- Per agent (the one who held the conversation last): conversations, sums and counts for exact averages.
CREATE TABLE analytics_daily_agent (
    report_day             DATE        NOT NULL,
    channel                VARCHAR(32) NOT NULL,
    agent_id               UUID        NOT NULL,
    conversations          BIGINT      NOT NULL DEFAULT 0,
    human_response_n       BIGINT      NOT NULL DEFAULT 0,
    human_response_seconds BIGINT      NOT NULL DEFAULT 0,
    resolution_n           BIGINT      NOT NULL DEFAULT 0,
    resolution_seconds     BIGINT      NOT NULL DEFAULT 0,
    csat_n                 BIGINT      NOT NULL DEFAULT 0,
    csat_points            BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (report_day, channel, agent_id)
);

-- What the history already tells: who holds each conversation, its inbox, category and priority, whether an agent
-- replied (then it was taken over) and when. The waits are measured from now on (the assignments' times are not kept).
UPDATE analytics_conversation f SET
    agent_id = (SELECT c.assignee_id FROM conversation c WHERE c.id = f.conversation_id),
    inbox_id = (SELECT c.inbox_id FROM conversation c WHERE c.id = f.conversation_id),
    category = (SELECT c.category FROM conversation c WHERE c.id = f.conversation_id),
    priority = (SELECT c.priority FROM conversation c WHERE c.id = f.conversation_id),
    escalated_at = (SELECT c.escalated_at FROM conversation c WHERE c.id = f.conversation_id),
    first_agent_reply_at = (SELECT MIN(m.created_at) FROM message m
        WHERE m.conversation_id = f.conversation_id AND m.author_type = 'AGENT' AND m.internal = FALSE);
UPDATE analytics_conversation SET taken_over = TRUE WHERE first_agent_reply_at IS NOT NULL;
UPDATE analytics_conversation f SET person_resolution_seconds = resolution_seconds
WHERE EXISTS (SELECT 1 FROM conversation c WHERE c.id = f.conversation_id
    AND (c.status = 'RESOLVED' OR (c.status = 'CLOSED' AND f.taken_over)));
UPDATE analytics_conversation SET durable = FALSE WHERE taken_over;

-- The AI-resolution counts of the daily rollups, recounted without the conversations a person took over.
UPDATE analytics_daily d SET
    ai_resolved = (SELECT COUNT(*) FROM analytics_conversation f WHERE f.created_day = d.report_day
        AND f.channel = d.channel AND f.ai_answered AND NOT f.escalated AND NOT f.taken_over),
    ai_confirmed = (SELECT COUNT(*) FROM analytics_conversation f WHERE f.created_day = d.report_day
        AND f.channel = d.channel AND f.ai_answered AND NOT f.escalated AND NOT f.taken_over
        AND f.ai_resolution = 'CONFIRMED'),
    ai_assumed = (SELECT COUNT(*) FROM analytics_conversation f WHERE f.created_day = d.report_day
        AND f.channel = d.channel AND f.ai_answered AND NOT f.escalated AND NOT f.taken_over
        AND f.ai_resolution = 'ASSUMED'),
    ai_durable = (SELECT COUNT(*) FROM analytics_conversation f WHERE f.created_day = d.report_day
        AND f.channel = d.channel AND f.ai_answered AND NOT f.escalated AND NOT f.taken_over AND f.durable);

INSERT INTO analytics_daily_volume (report_day, channel, dimension, dimension_value, conversations)
SELECT created_day, channel, 'inbox', COALESCE(CAST(inbox_id AS VARCHAR(64)), ''), COUNT(*)
FROM analytics_conversation GROUP BY created_day, channel, COALESCE(CAST(inbox_id AS VARCHAR(64)), '');
INSERT INTO analytics_daily_volume (report_day, channel, dimension, dimension_value, conversations)
SELECT created_day, channel, 'category', COALESCE(category, ''), COUNT(*)
FROM analytics_conversation GROUP BY created_day, channel, COALESCE(category, '');
INSERT INTO analytics_daily_volume (report_day, channel, dimension, dimension_value, conversations)
SELECT created_day, channel, 'priority', COALESCE(priority, ''), COUNT(*)
FROM analytics_conversation GROUP BY created_day, channel, COALESCE(priority, '');

INSERT INTO analytics_daily_agent (report_day, channel, agent_id, conversations, resolution_n, resolution_seconds,
    csat_n, csat_points)
SELECT created_day, channel, agent_id, COUNT(*), COUNT(person_resolution_seconds),
    COALESCE(SUM(person_resolution_seconds), 0),
    COUNT(csat), COALESCE(SUM(csat), 0)
FROM analytics_conversation WHERE agent_id IS NOT NULL GROUP BY created_day, channel, agent_id;
