-- Password-reset links sent by email. Only a SHA-256 hash of the token is stored; a link works once, until it expires.
CREATE TABLE password_reset (
    token_hash VARCHAR(64) PRIMARY KEY,
    agent_id   UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX password_reset_agent_idx ON password_reset (agent_id);
CREATE INDEX password_reset_expiry_idx ON password_reset (expires_at);
