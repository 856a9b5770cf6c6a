-- SLA compliance per day (UTC, of the conversation's creation), channel and team, counted over clocks whose outcome
-- is settled (met, or breached: answered late or recorded by the breach sweep). Clocks still running are counted
-- live. Every change of a clock sets rolled_up = FALSE; reports count such days from their clocks and the SLA sweep
-- rebuilds them, so a 90-day summary reads a few hundred rows instead of every clock of the range (issue 16: work
-- that grows with the data).
ALTER TABLE sla_clock ADD COLUMN rolled_up BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX sla_clock_rollup ON sla_clock (rolled_up, conversation_created_at);
CREATE INDEX sla_clock_first_running ON sla_clock (first_response_at, first_response_breached_at, conversation_created_at);
CREATE INDEX sla_clock_resolution_running ON sla_clock (resolved_at, resolution_breached_at, conversation_created_at);

CREATE TABLE sla_daily (
    report_day          DATE        NOT NULL,
    channel             VARCHAR(64) NOT NULL,
    team_key            VARCHAR(36) NOT NULL,
    first_met           BIGINT      NOT NULL,
    first_breached      BIGINT      NOT NULL,
    resolution_met      BIGINT      NOT NULL,
    resolution_breached BIGINT      NOT NULL,
    PRIMARY KEY (report_day, channel, team_key)
);

