-- Where a conversation started as its channel saw it (a page, a browser, a referrer), for the agents' contact
-- panel. Any channel may fill it; a channel without such details leaves no row. Replaces the widget's columns of
-- conversation (dropped in V633, after the web channel took its own data in V632).
CREATE TABLE conversation_source (
    conversation_id UUID PRIMARY KEY REFERENCES conversation (id) ON DELETE CASCADE,
    page_url        VARCHAR(2000),
    user_agent      VARCHAR(1000),
    referrer        VARCHAR(2000)
);
INSERT INTO conversation_source (conversation_id, page_url, user_agent, referrer)
    SELECT id, page_url, user_agent, referrer FROM conversation
    WHERE page_url IS NOT NULL OR user_agent IS NOT NULL OR referrer IS NOT NULL;
