-- Knowledge base: articles, their tags and example questions, and the knowledge version counter.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL alike.
CREATE TABLE knowledge_article (
    id         VARCHAR(100)    PRIMARY KEY,
    title      VARCHAR(300)    NOT NULL,
    body       VARCHAR(100000) NOT NULL,
    category   VARCHAR(100),
    locale     VARCHAR(20)     NOT NULL,
    -- DRAFT or PUBLISHED. No CHECK constraint: H2 2.4.240 fails every insert with "Check constraint invalid"
    -- once the connection that created an IN/OR check is closed (pool recycling, a second test context).
    status     VARCHAR(16)     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX knowledge_article_status_idx ON knowledge_article (status, id);
CREATE INDEX knowledge_article_updated_idx ON knowledge_article (updated_at);

CREATE TABLE knowledge_tag (
    article_id VARCHAR(100) NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    tag        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (article_id, tag)
);

CREATE TABLE knowledge_example (
    article_id VARCHAR(100)  NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    position   INT           NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (article_id, position)
);

-- One row; version is incremented in the same transaction as every change, so the index can tell whether
-- it is stale. epoch is set once by the application and tells this database apart from a recreated one.
CREATE TABLE knowledge_version (
    id      INT         PRIMARY KEY,
    version BIGINT      NOT NULL,
    epoch   VARCHAR(36)
);
INSERT INTO knowledge_version (id, version) VALUES (1, 0);
