-- An article the configured model could not write questions for (its answer failed or held none), for the content
-- it was asked about: how often in a row, why, and when to ask again, so that such articles wait their turn behind
-- the others instead of taking every run's places, and editors see why an article has no questions.
CREATE TABLE knowledge_generation_failure (
    article_id   VARCHAR(100) PRIMARY KEY REFERENCES knowledge_article (id) ON DELETE CASCADE,
    content_hash VARCHAR(64)  NOT NULL,
    attempts     INT          NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    retry_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
