-- Customer satisfaction: one 1–5 rating (and optional comment) per conversation.
CREATE TABLE csat_rating (
    conversation_id UUID PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    rating          INT NOT NULL,
    comment         VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT csat_rating_range CHECK (rating BETWEEN 1 AND 5)
);
