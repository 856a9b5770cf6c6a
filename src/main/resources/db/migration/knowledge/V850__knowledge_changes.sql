-- Which knowledge version last changed each article, so that a node can catch up on changes another node committed:
-- it re-reads the articles changed after the version its index holds (issue 21). Deleted articles leave a row in
-- knowledge_removal (one per id, the latest deletion's version). Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE knowledge_article ADD COLUMN changed_version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX knowledge_article_changed_idx ON knowledge_article (changed_version);

CREATE TABLE knowledge_removal (
    article_id VARCHAR(100) PRIMARY KEY,
    version    BIGINT       NOT NULL
);
CREATE INDEX knowledge_removal_version_idx ON knowledge_removal (version);
