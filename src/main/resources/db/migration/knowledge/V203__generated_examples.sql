-- Example questions written by the configured LLM for articles that have none, and for which content (hash of
-- title and body) they were written, so they are written again only when the article changes.
CREATE TABLE knowledge_generated_example (
    article_id VARCHAR(100)  NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    position   INT           NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE knowledge_generation (
    article_id   VARCHAR(100) PRIMARY KEY REFERENCES knowledge_article (id) ON DELETE CASCADE,
    content_hash VARCHAR(64)  NOT NULL,
    generated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
