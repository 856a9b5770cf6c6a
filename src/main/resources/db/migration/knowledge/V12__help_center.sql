-- Help center: article views, "was this helpful?" votes and assistant citations (ArticleStats).
-- Portable SQL: runs on H2 (MODE=PostgreSQL) and PostgreSQL alike. Rows go with their article.

-- Running totals per article; rows are created on first use.
CREATE TABLE help_article_counter (
    article_id VARCHAR(100) PRIMARY KEY REFERENCES knowledge_article (id) ON DELETE CASCADE,
    views      BIGINT       NOT NULL DEFAULT 0
);

-- When a visitor's view of an article last counted: at most one counted view per visitor, article and hour.
-- Rows older than the window are deleted now and then.
CREATE TABLE help_article_view (
    article_id VARCHAR(100) NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    visitor_id UUID         NOT NULL,
    counted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, visitor_id)
);
CREATE INDEX help_article_view_counted_idx ON help_article_view (counted_at);

-- One vote per visitor and article; voting again replaces the earlier vote.
CREATE TABLE help_article_vote (
    article_id VARCHAR(100) NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    visitor_id UUID         NOT NULL,
    helpful    BOOLEAN      NOT NULL,
    voted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, visitor_id)
);

-- Which assistant messages cited which article; keyed by message so a redelivered event counts once.
CREATE TABLE help_article_citation (
    article_id VARCHAR(100) NOT NULL REFERENCES knowledge_article (id) ON DELETE CASCADE,
    message_id UUID         NOT NULL,
    cited_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_id, message_id)
);
