package dev.parley.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Article rows with their tags and examples, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
public class ArticleRepository {

    static final String COLUMNS = "id, title, body, category, locale, status, created_at, updated_at, source";
    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final ArticleChildren children;

    public ArticleRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.children = new ArticleChildren(jdbc, batch);
    }

    public Optional<Article> find(String id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    /** The articles with these ids that exist, in no particular order. */
    public List<Article> byIds(Collection<String> ids) {
        List<Article> found = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article WHERE id IN (:ids)")
                    .param("ids", chunk).query(ArticleRepository::row).list();
            found.addAll(children.attach(rows, "a.id IN (:ids)", Map.of("ids", chunk)));
        }
        return found;
    }

    /** Every published article, ordered by id. */
    public List<Article> published() {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article WHERE status = 'PUBLISHED' ORDER BY id")
                .query(ArticleRepository::row).list();
        return children.attach(rows, "a.status = 'PUBLISHED'", Map.of());
    }

    public List<String> publishedIds() {
        return jdbc.sql("SELECT id FROM knowledge_article WHERE status = 'PUBLISHED' ORDER BY id")
                .query(String.class).list();
    }

    /** Articles whose title or body contains {@code text} (any case), newest first; null text lists all. */
    public List<Article> list(String text, ArticleStatus status, long offset, int limit) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_article a WHERE " + filter(text, status)
                        + " ORDER BY updated_at DESC, id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .paramSource(filterParams(text, status).addValue("offset", offset).addValue("limit", limit))
                .query(ArticleRepository::row).list();
        return children.attach(rows, "a.id IN (:ids)", Map.of("ids", rows.isEmpty()
                ? List.of("") : rows.stream().map(Row::id).toList()));
    }

    public long count(String text, ArticleStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_article a WHERE " + filter(text, status))
                .paramSource(filterParams(text, status)).query(Long.class).single();
    }

    /** Creation times of the ids that already exist. */
    public Map<String, Instant> existing(Collection<String> ids) {
        Map<String, Instant> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            jdbc.sql("SELECT id, created_at FROM knowledge_article WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + IN_CHUNK)))
                    .query((rs, n) -> found.put(rs.getString(1), instant(rs, "created_at"))).list();
        }
        return found;
    }

    /** Inserts new articles and overwrites existing ones (with their tags and examples), in batches. */
    public void save(List<Article> articles, Collection<String> existingIds) {
        List<Article> updates = articles.stream().filter(a -> existingIds.contains(a.id())).toList();
        List<Article> inserts = articles.stream().filter(a -> !existingIds.contains(a.id())).toList();
        children.deleteOf(updates.stream().map(Article::id).toList());
        batch.batchUpdate("""
                UPDATE knowledge_article SET title = :title, body = :body, category = :category, locale = :locale,
                    status = :status, updated_at = :updatedAt, source = :source WHERE id = :id""", params(updates));
        batch.batchUpdate("""
                INSERT INTO knowledge_article (id, title, body, category, locale, status, created_at, updated_at, source)
                VALUES (:id, :title, :body, :category, :locale, :status, :createdAt, :updatedAt, :source)""", params(inserts));
        children.insert(articles);
    }

    /** Sets the status of those of these articles that have another one; returns the ids changed. */
    public List<String> changeStatus(Collection<String> ids, ArticleStatus status, Instant at) {
        List<String> changed = new ArrayList<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            changed.addAll(jdbc.sql("SELECT id FROM knowledge_article WHERE id IN (:ids) AND status <> :status")
                    .param("ids", chunk).param("status", status.name()).query(String.class).list());
            jdbc.sql("UPDATE knowledge_article SET status = :status, updated_at = :at WHERE id IN (:ids) AND status <> :status")
                    .param("ids", chunk).param("status", status.name()).param("at", timestamp(at)).update();
        }
        return changed;
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM knowledge_article WHERE id = :id").param("id", id).update() > 0;
    }

    public void addExample(String id, String text, Instant at) {
        children.append(id, text);
        jdbc.sql("UPDATE knowledge_article SET updated_at = :at WHERE id = :id")
                .param("at", timestamp(at)).param("id", id).update();
    }

    /** Increments the knowledge version; the row lock also orders concurrent writers. */
    public long nextVersion() {
        jdbc.sql("UPDATE knowledge_version SET version = version + 1 WHERE id = 1").update();
        return version();
    }

    public long version() {
        return jdbc.sql("SELECT version FROM knowledge_version WHERE id = 1").query(Long.class).single();
    }

    /** A random id of this database's knowledge, created on first use; an index built elsewhere will not match. */
    public String epoch() {
        jdbc.sql("UPDATE knowledge_version SET epoch = :epoch WHERE id = 1 AND epoch IS NULL")
                .param("epoch", java.util.UUID.randomUUID().toString()).update();
        return jdbc.sql("SELECT epoch FROM knowledge_version WHERE id = 1").query(String.class).single();
    }

    private static String filter(String text, ArticleStatus status) {
        String where = status == null ? "1 = 1" : "a.status = :status";
        return text == null ? where : where + " AND (LOWER(a.title) LIKE :text OR LOWER(a.body) LIKE :text)";
    }

    private static MapSqlParameterSource filterParams(String text, ArticleStatus status) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        if (status != null) {
            p.addValue("status", status.name());
        }
        if (text != null) {
            String escaped = text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            p.addValue("text", "%" + escaped + "%");
        }
        return p;
    }

    private static SqlParameterSource[] params(List<Article> articles) {
        return articles.stream().map(a -> new MapSqlParameterSource()
                .addValue("id", a.id()).addValue("title", a.title()).addValue("body", a.body())
                .addValue("category", a.category()).addValue("locale", a.locale())
                .addValue("status", a.status().name()).addValue("createdAt", timestamp(a.createdAt()))
                .addValue("updatedAt", timestamp(a.updatedAt())).addValue("source", a.source())).toArray(SqlParameterSource[]::new);
    }

    /** An article row before its tags and examples are attached. */
    record Row(String id, String title, String body, String category, String locale, ArticleStatus status,
            Instant createdAt, Instant updatedAt, String source) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("title"), rs.getString("body"), rs.getString("category"),
                rs.getString("locale"), ArticleStatus.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("source"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
