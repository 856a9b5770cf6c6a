-- What agents teach the assistant, for supervisors to review: customers' questions proposed as example questions of
-- the article that answered them, new article drafts from an agent's own answer, and agents' flags on AI answers.
CREATE TABLE learning_proposal (
    id              UUID PRIMARY KEY,
    kind            VARCHAR(20)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    conversation_id UUID          NOT NULL,
    message_id      UUID          NOT NULL,
    question        VARCHAR(2000),
    answer          TEXT,
    article_id      VARCHAR(200),
    article_title   VARCHAR(500),
    flag_reason     VARCHAR(20),
    note            VARCHAR(1000),
    created_by      UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by      UUID,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT learning_proposal_kind_check CHECK (kind IN ('EXAMPLE', 'ARTICLE', 'FLAG')),
    CONSTRAINT learning_proposal_state_check CHECK (state IN ('OPEN', 'ACCEPTED', 'DISMISSED')),
    CONSTRAINT learning_proposal_reason_check CHECK (flag_reason IS NULL
        OR flag_reason IN ('WRONG', 'OUTDATED', 'INCOMPLETE', 'INAPPROPRIATE')),
    CONSTRAINT learning_proposal_once UNIQUE (message_id, kind)
);
CREATE INDEX learning_proposal_state_idx ON learning_proposal (state, created_at);
CREATE INDEX learning_proposal_flags_idx ON learning_proposal (kind, flag_reason, created_at);
