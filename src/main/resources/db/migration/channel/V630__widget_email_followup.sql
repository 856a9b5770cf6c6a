-- Chat continuity by email: replies a widget customer has not read for parley.widget.email-after are mailed to
-- them once. One row per web conversation: the highest reply seq mailed (and when), and the highest visible reply
-- seq posted so far with when the oldest unmailed one falls due (NULL: nothing waits).
CREATE TABLE widget_email_followup (
    conversation_id UUID PRIMARY KEY,
    last_mailed_seq BIGINT NOT NULL DEFAULT 0,
    mailed_at       TIMESTAMP WITH TIME ZONE,
    pending_seq     BIGINT NOT NULL DEFAULT 0,
    due_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX widget_email_followup_due_idx ON widget_email_followup (due_at);
