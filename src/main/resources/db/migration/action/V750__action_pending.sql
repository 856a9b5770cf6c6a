-- The action a conversation is in the middle of: which action, the values the customer gave so far, and what the
-- assistant asked for (an input's name, or the Yes / No confirmation of a write). One per conversation.
CREATE TABLE action_pending (
    conversation_id UUID PRIMARY KEY,
    action_id       UUID         NOT NULL,
    given           TEXT         NOT NULL,
    awaiting        VARCHAR(64)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
