package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.ArticleRepository.timestamp;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which assistant messages cited which article. */
@Repository
public class ArticleCitationRepository {

    private final JdbcClient jdbc;

    ArticleCitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that a message cited an article; the same message counts once, an article that no longer
     * exists not at all.
     *
     * @return whether a new citation was recorded
     */
    public boolean cite(String articleId, UUID messageId, Instant at) {
        return jdbc.sql("""
                        INSERT INTO help_article_citation (article_id, message_id, cited_at)
                        SELECT id, :message, :at FROM knowledge_article WHERE id = :article
                        ON CONFLICT DO NOTHING""")
                .param("message", messageId).param("at", timestamp(at)).param("article", articleId).update() > 0;
    }

    public long citations(String articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM help_article_citation WHERE article_id = :article")
                .param("article", articleId).query(Long.class).single();
    }
}
