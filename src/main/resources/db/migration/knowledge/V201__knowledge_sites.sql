-- Web sites (public help centers) whose pages are synced into the knowledge base, and what each page gave.
CREATE TABLE knowledge_site (
    id             VARCHAR(36)   PRIMARY KEY,
    start_url      VARCHAR(2000) NOT NULL,
    -- IDLE, QUEUED or RUNNING (no CHECK constraint, see V10)
    state          VARCHAR(16)   NOT NULL,
    pages_found    INT           NOT NULL,
    pages_done     INT           NOT NULL,
    pages_failed   INT           NOT NULL,
    articles       INT           NOT NULL,
    last_error     VARCHAR(2000),
    last_synced_at TIMESTAMP WITH TIME ZONE,
    next_sync_at   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX knowledge_site_next_idx ON knowledge_site (next_sync_at);

CREATE TABLE knowledge_site_page (
    site_id      VARCHAR(36)   NOT NULL REFERENCES knowledge_site (id) ON DELETE CASCADE,
    url          VARCHAR(2000) NOT NULL,
    -- OK, FAILED (kept its articles, tried again next time) or GONE (its articles were retired)
    status       VARCHAR(16)   NOT NULL,
    detail       VARCHAR(500),
    content_hash VARCHAR(64),
    article_ids  VARCHAR(8000),
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site_id, url)
);
