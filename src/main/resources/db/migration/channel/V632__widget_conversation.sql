-- The web channel's own data per widget conversation: the hash of the bearer token that alone opens it, and the
-- visitor id the widget keeps in the browser (also a VISITOR handle of the contact). Taken over from the widget
-- columns of conversation (every website chat conversation; other channels'
-- conversations never had a token anyone held), which V633 drops.
CREATE TABLE widget_conversation (
    conversation_id   UUID PRIMARY KEY,
    access_token_hash VARCHAR(64),
    visitor_id        VARCHAR(100),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO widget_conversation (conversation_id, access_token_hash, visitor_id, created_at)
    SELECT id, access_token_hash, visitor_id, created_at FROM conversation
    WHERE channel = 'web' OR inbox_id = '7e5b0000-0000-4000-8000-000000000001';
