-- Daily rollups per channel, kept in step with analytics_conversation by applying each change's
-- difference; reports over long ranges read these instead of scanning conversations.
CREATE TABLE analytics_daily (
    report_day           DATE        NOT NULL,
    channel       VARCHAR(32) NOT NULL,
    conversations BIGINT      NOT NULL DEFAULT 0,
    messages      BIGINT      NOT NULL DEFAULT 0,
    ai_resolved   BIGINT      NOT NULL DEFAULT 0,
    escalated     BIGINT      NOT NULL DEFAULT 0,
    csat_1        BIGINT      NOT NULL DEFAULT 0,
    csat_2        BIGINT      NOT NULL DEFAULT 0,
    csat_3        BIGINT      NOT NULL DEFAULT 0,
    csat_4        BIGINT      NOT NULL DEFAULT 0,
    csat_5        BIGINT      NOT NULL DEFAULT 0,
    tokens        BIGINT      NOT NULL DEFAULT 0,
    cost_usd      DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (report_day, channel)
);

CREATE TABLE analytics_daily_reason (
    report_day         DATE        NOT NULL,
    channel     VARCHAR(32) NOT NULL,
    reason      VARCHAR(32) NOT NULL,
    escalations BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (report_day, channel, reason)
);

-- Log-scale histograms of durations (bucket b holds values whose log base 1.1 of (1 + seconds) floors to b),
-- with the exact count and sum for averages.
CREATE TABLE analytics_daily_duration (
    report_day      DATE        NOT NULL,
    channel  VARCHAR(32) NOT NULL,
    metric   VARCHAR(16) NOT NULL,
    bucket   INT         NOT NULL,
    n        BIGINT      NOT NULL DEFAULT 0,
    seconds  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (report_day, channel, metric, bucket)
);

-- The newest questions of a range, for grouping, without sorting the whole range.
CREATE INDEX analytics_conversation_recent_idx ON analytics_conversation (created_day, created_at);
