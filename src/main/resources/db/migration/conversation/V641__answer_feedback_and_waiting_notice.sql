-- Whether the customer said an AI answer helped. PENDING while the answer waits for a "Yes"/"No" click;
-- CONFIRMED ("Yes"), NOT_HELPFUL ("No", handed over) or ASSUMED (no click within the feedback timeout).
CREATE TABLE answer_feedback (
    message_id      UUID PRIMARY KEY,
    conversation_id UUID NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    outcome         VARCHAR(16) NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT answer_feedback_outcome_check CHECK (outcome IN ('PENDING', 'CONFIRMED', 'NOT_HELPFUL', 'ASSUMED'))
);
-- The timeout job reads only the pending answers, oldest first.
CREATE INDEX answer_feedback_pending_idx ON answer_feedback (outcome, answered_at);
CREATE INDEX answer_feedback_conversation_idx ON answer_feedback (conversation_id);

-- Set when a customer waiting for a person was told where they stand; cleared when a new wait begins
-- (the conversation escalates again, or an agent replied), so each wait gets one notice, not one per message.
ALTER TABLE conversation ADD COLUMN waiting_notice_sent BOOLEAN NOT NULL DEFAULT FALSE;
