package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.ArticleRepository.instant;
import static dev.parley.knowledge.internal.ArticleRepository.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** LLM-written example questions and the article content they were written for. */
@Repository
public class GeneratedExampleRepository {

    private final JdbcClient jdbc;

    GeneratedExampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Published articles without example questions of their own, by id, with their content: up to {@code limit}
     * whose id comes after {@code afterId} ({@code ""} for the first page).
     */
    public List<ArticleContent> withoutOwnExamples(String afterId, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.title, a.body, a.locale FROM knowledge_article a
                WHERE a.status = 'PUBLISHED' AND a.id > :after
                  AND NOT EXISTS (SELECT 1 FROM knowledge_example e WHERE e.article_id = a.id)
                ORDER BY a.id FETCH FIRST :limit ROWS ONLY""").param("after", afterId).param("limit", limit)
                .query((rs, n) -> new ArticleContent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** One article's content when it is published and has no example questions of its own. */
    public Optional<ArticleContent> withoutOwnExamples(String id) {
        return jdbc.sql("""
                SELECT a.id, a.title, a.body, a.locale FROM knowledge_article a
                WHERE a.id = :id AND a.status = 'PUBLISHED'
                  AND NOT EXISTS (SELECT 1 FROM knowledge_example e WHERE e.article_id = a.id)""").param("id", id)
                .query((rs, n) -> new ArticleContent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The content hash each article's generated questions were written for. */
    public Map<String, String> hashes() {
        return jdbc.sql("SELECT article_id, content_hash FROM knowledge_generation").query((rs, n) ->
                Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The articles the model last failed to write questions for, by article id. */
    public Map<String, Failure> failures() {
        return jdbc.sql("SELECT * FROM knowledge_generation_failure").query((rs, n) -> failure(rs)).list().stream()
                .collect(Collectors.toMap(Failure::articleId, f -> f));
    }

    public Optional<Failure> failure(String articleId) {
        return jdbc.sql("SELECT * FROM knowledge_generation_failure WHERE article_id = :id").param("id", articleId)
                .query((rs, n) -> failure(rs)).optional();
    }

    public void recordFailure(Failure failure) {
        jdbc.sql("DELETE FROM knowledge_generation_failure WHERE article_id = :id").param("id", failure.articleId())
                .update();
        jdbc.sql("""
                INSERT INTO knowledge_generation_failure (article_id, content_hash, attempts, reason, failed_at, retry_at)
                VALUES (:id, :hash, :attempts, :reason, :failedAt, :retryAt)""")
                .param("id", failure.articleId()).param("hash", failure.contentHash())
                .param("attempts", failure.attempts()).param("reason", failure.reason())
                .param("failedAt", timestamp(failure.failedAt())).param("retryAt", timestamp(failure.retryAt()))
                .update();
    }

    private static Failure failure(ResultSet rs) throws SQLException {
        return new Failure(rs.getString("article_id"), rs.getString("content_hash"), rs.getInt("attempts"),
                rs.getString("reason"), instant(rs, "failed_at"), instant(rs, "retry_at"));
    }

    public void replace(String articleId, String contentHash, List<String> questions, Instant at) {
        jdbc.sql("DELETE FROM knowledge_generated_example WHERE article_id = :id").param("id", articleId).update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("INSERT INTO knowledge_generated_example (article_id, position, text) VALUES (:id, :pos, :text)")
                    .param("id", articleId).param("pos", i).param("text", questions.get(i)).update();
        }
        jdbc.sql("DELETE FROM knowledge_generation WHERE article_id = :id").param("id", articleId).update();
        jdbc.sql("INSERT INTO knowledge_generation (article_id, content_hash, generated_at) VALUES (:id, :hash, :at)")
                .param("id", articleId).param("hash", contentHash).param("at", timestamp(at)).update();
        jdbc.sql("DELETE FROM knowledge_generation_failure WHERE article_id = :id").param("id", articleId).update();
    }

    public boolean remove(String articleId, String question) {
        return jdbc.sql("DELETE FROM knowledge_generated_example WHERE article_id = :id AND text = :text")
                .param("id", articleId).param("text", question).update() > 0;
    }

    /** The model's last failure for an article's content, and when to ask again. */
    public record Failure(String articleId, String contentHash, int attempts, String reason, Instant failedAt,
            Instant retryAt) {
    }

    /** An article's text as the question writer needs it. */
    public record ArticleContent(String id, String title, String body, String locale) {
    }
}
