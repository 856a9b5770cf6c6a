-- Business hours: the workspace default (scope 'default') and one calendar per team (scope = the team's id).
CREATE TABLE business_hours (
    scope      VARCHAR(36)  PRIMARY KEY,
    time_zone  VARCHAR(64)  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Open intervals per ISO weekday (1 = Monday). closes_at at or before opens_at runs past midnight.
CREATE TABLE business_hours_interval (
    scope       VARCHAR(36) NOT NULL REFERENCES business_hours (scope) ON DELETE CASCADE,
    day_of_week SMALLINT    NOT NULL,
    opens_at    TIME        NOT NULL,
    closes_at   TIME        NOT NULL
);
CREATE INDEX business_hours_interval_scope ON business_hours_interval (scope);

CREATE TABLE business_hours_holiday (
    scope VARCHAR(36)  NOT NULL REFERENCES business_hours (scope) ON DELETE CASCADE,
    holiday_date DATE         NOT NULL,
    name         VARCHAR(200),
    PRIMARY KEY (scope, holiday_date)
);

-- SLA targets per priority, in business minutes; NULL = no target.
CREATE TABLE sla_policy (
    priority               VARCHAR(16) PRIMARY KEY,
    first_response_minutes INTEGER,
    resolution_minutes     INTEGER,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO sla_policy (priority, first_response_minutes, resolution_minutes, updated_at) VALUES
    ('URGENT', 15, 240, CURRENT_TIMESTAMP),
    ('HIGH', 60, 480, CURRENT_TIMESTAMP),
    ('MEDIUM', 240, 1440, CURRENT_TIMESTAMP),
    ('LOW', 480, 2880, CURRENT_TIMESTAMP);

-- Each conversation handed to people: its due times and when they were met or breached (with the conversation's
-- channel and creation time, so compliance reports cover the same conversations as the other analytics).
CREATE TABLE sla_clock (
    conversation_id        UUID        PRIMARY KEY,
    channel                VARCHAR(64),
    conversation_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    priority               VARCHAR(16) NOT NULL,
    team_id                UUID,
    started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_due     TIMESTAMP WITH TIME ZONE,
    first_response_at      TIMESTAMP WITH TIME ZONE,
    first_response_breached_at TIMESTAMP WITH TIME ZONE,
    resolution_due         TIMESTAMP WITH TIME ZONE,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    resolution_breached_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sla_clock_created ON sla_clock (conversation_created_at);
CREATE INDEX sla_clock_first_response_due ON sla_clock (first_response_due);
CREATE INDEX sla_clock_resolution_due ON sla_clock (resolution_due);
