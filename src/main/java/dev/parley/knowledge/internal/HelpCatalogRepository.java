package dev.parley.knowledge.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published articles as the help center lists them: by category, and everything for the sitemap. */
@Repository
public class HelpCatalogRepository {

    private static final int EXCERPT = 400;

    private final JdbcClient jdbc;

    HelpCatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Category(String name, long articles) {
    }

    /** An article in a list, with the start of its Markdown body for an excerpt. */
    public record Listed(String id, String title, String bodyStart) {
    }

    public record Published(String id, String category, Instant updatedAt) {
    }

    /** Categories of published articles with how many each has, by name. */
    public List<Category> categories() {
        return jdbc.sql("""
                        SELECT category, COUNT(*) FROM knowledge_article
                        WHERE status = 'PUBLISHED' AND category IS NOT NULL GROUP BY category ORDER BY category""")
                .query((rs, n) -> new Category(rs.getString(1), rs.getLong(2))).list();
    }

    public List<Listed> inCategory(String category) {
        return jdbc.sql("""
                        SELECT id, title, SUBSTRING(body, 1, %d) FROM knowledge_article
                        WHERE status = 'PUBLISHED' AND category = :category ORDER BY title, id""".formatted(EXCERPT))
                .param("category", category)
                .query((rs, n) -> new Listed(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Published articles by title, to fill lists when there is nothing better to rank by. */
    public List<ArticleTitle> titles(int limit) {
        return jdbc.sql("SELECT id, title FROM knowledge_article WHERE status = 'PUBLISHED' ORDER BY title, id "
                        + "FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(ArticleTitle.class).list();
    }

    public List<Published> published() {
        return jdbc.sql("SELECT id, category, updated_at FROM knowledge_article WHERE status = 'PUBLISHED' ORDER BY id")
                .query((rs, n) -> new Published(rs.getString(1), rs.getString(2),
                        ArticleRepository.instant(rs, "updated_at"))).list();
    }
}
