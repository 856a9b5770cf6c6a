-- API inboxes: an integrator feeds conversations with the inbox's API key (stored as a SHA-256 hash only) and
-- receives replies at its callback URL, signed with the inbox's signing secret (stored encrypted).
CREATE TABLE api_inbox (
    inbox_id       UUID PRIMARY KEY,
    key_hash       VARCHAR(64)   NOT NULL UNIQUE,
    callback_url   VARCHAR(2000) NOT NULL,
    signing_secret VARCHAR(1000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
