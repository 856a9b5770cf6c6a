-- The messages and model calls already counted into analytics_conversation, so that a projection listener run
-- again (a retry after a failure, a resubmission after a node died) never counts one twice.
CREATE TABLE analytics_counted (
    counted_id      UUID PRIMARY KEY,
    conversation_id UUID NOT NULL
);
