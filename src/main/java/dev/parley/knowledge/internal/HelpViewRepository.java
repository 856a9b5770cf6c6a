package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.ArticleRepository.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Help-center page views: a running total per article, and when each visitor's view last counted. */
@Repository
public class HelpViewRepository {

    private final JdbcClient jdbc;

    HelpViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts a view unless this visitor's last counted view of the article is after {@code notBefore}.
     * Update-then-insert (rather than MERGE) so two concurrent first views cannot fail on the key.
     *
     * @return whether the view counted
     */
    @Transactional
    public boolean countView(String articleId, UUID visitorId, Instant now, Instant notBefore) {
        int renewed = jdbc.sql("""
                        UPDATE help_article_view SET counted_at = :now
                        WHERE article_id = :article AND visitor_id = :visitor AND counted_at <= :notBefore""")
                .param("now", timestamp(now)).param("article", articleId).param("visitor", visitorId)
                .param("notBefore", timestamp(notBefore)).update();
        if (renewed == 0) {
            try {
                int inserted = jdbc.sql("""
                                INSERT INTO help_article_view (article_id, visitor_id, counted_at)
                                VALUES (:article, :visitor, :now) ON CONFLICT DO NOTHING""")
                        .param("article", articleId).param("visitor", visitorId).param("now", timestamp(now)).update();
                if (inserted == 0) {
                    return false;
                }
            } catch (DataIntegrityViolationException deletedMeanwhile) {
                return false;
            }
        }
        jdbc.sql("INSERT INTO help_article_counter (article_id, views) VALUES (:article, 0) ON CONFLICT DO NOTHING")
                .param("article", articleId).update();
        jdbc.sql("UPDATE help_article_counter SET views = views + 1 WHERE article_id = :article")
                .param("article", articleId).update();
        return true;
    }

    public long views(String articleId) {
        return jdbc.sql("SELECT views FROM help_article_counter WHERE article_id = :article")
                .param("article", articleId).query(Long.class).optional().orElse(0L);
    }

    /** Published articles with the most views, most viewed first. */
    public List<ArticleTitle> mostViewed(int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.title FROM help_article_counter c JOIN knowledge_article a ON a.id = c.article_id
                        WHERE a.status = 'PUBLISHED' AND c.views > 0
                        ORDER BY c.views DESC, a.title, a.id FETCH FIRST :limit ROWS ONLY""")
                .param("limit", limit).query(ArticleTitle.class).list();
    }

    /** Forgets when views counted before {@code before}: such visitors count again anyway. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM help_article_view WHERE counted_at < :before")
                .param("before", timestamp(before)).update();
    }
}
