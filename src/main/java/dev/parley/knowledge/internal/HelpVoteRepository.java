package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.ArticleRepository.timestamp;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** "Was this helpful?" votes: one per visitor and article, a later vote replaces the earlier one. */
@Repository
public class HelpVoteRepository {

    private final JdbcClient jdbc;

    HelpVoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of helpful and not-helpful votes. */
    public record Votes(long helpful, long notHelpful) {
    }

    @Transactional
    public void vote(String articleId, UUID visitorId, boolean helpful, Instant at) {
        // Update first, insert when there was nothing, update again if a concurrent first vote won the insert.
        if (replace(articleId, visitorId, helpful, at) == 0) {
            int inserted = jdbc.sql("""
                            INSERT INTO help_article_vote (article_id, visitor_id, helpful, voted_at)
                            VALUES (:article, :visitor, :helpful, :at) ON CONFLICT DO NOTHING""")
                    .param("article", articleId).param("visitor", visitorId).param("helpful", helpful)
                    .param("at", timestamp(at)).update();
            if (inserted == 0) {
                replace(articleId, visitorId, helpful, at);
            }
        }
    }

    private int replace(String articleId, UUID visitorId, boolean helpful, Instant at) {
        return jdbc.sql("""
                        UPDATE help_article_vote SET helpful = :helpful, voted_at = :at
                        WHERE article_id = :article AND visitor_id = :visitor""")
                .param("helpful", helpful).param("at", timestamp(at)).param("article", articleId)
                .param("visitor", visitorId).update();
    }

    public Optional<Boolean> voteOf(String articleId, UUID visitorId) {
        return jdbc.sql("SELECT helpful FROM help_article_vote WHERE article_id = :article AND visitor_id = :visitor")
                .param("article", articleId).param("visitor", visitorId).query(Boolean.class).optional();
    }

    public Votes votes(String articleId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN helpful THEN 1 ELSE 0 END), 0),
                               COALESCE(SUM(CASE WHEN helpful THEN 0 ELSE 1 END), 0)
                        FROM help_article_vote WHERE article_id = :article""")
                .param("article", articleId)
                .query((rs, n) -> new Votes(rs.getLong(1), rs.getLong(2))).single();
    }
}
