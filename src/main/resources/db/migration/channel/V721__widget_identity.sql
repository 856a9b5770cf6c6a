-- Widget identity verification. The site's signing secrets (sealed by the encryption module): the current one
-- has retired_at NULL; a rotated-out one is still accepted until accepted_until (the grace period).
CREATE TABLE widget_identity_secret (
    id             UUID PRIMARY KEY,
    secret         VARCHAR(1000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE,
    accepted_until TIMESTAMP WITH TIME ZONE
);

-- Signatures already used, kept for the accepted age of a signature: a second use is a replay (the primary key
-- makes this hold across the nodes of a cluster).
CREATE TABLE widget_identity_signature (
    signature_hash VARCHAR(64) PRIMARY KEY,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX widget_identity_signature_expiry_idx ON widget_identity_signature (expires_at);

-- A verified identity as the widget holds it after the exchange: a bearer token (only its hash is stored) that
-- starts verified conversations and opens the customer's earlier ones.
CREATE TABLE widget_identity_session (
    token_hash  VARCHAR(64)  PRIMARY KEY,
    customer_id VARCHAR(200) NOT NULL,
    email       VARCHAR(320) NOT NULL,
    name        VARCHAR(200),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX widget_identity_session_expiry_idx ON widget_identity_session (expires_at);
