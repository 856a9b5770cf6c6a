package dev.parley.knowledge.internal;

import static dev.parley.knowledge.internal.ArticleRepository.instant;
import static dev.parley.knowledge.internal.ArticleRepository.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Synced sites and their pages, in plain SQL that runs on H2 and PostgreSQL. */
@Repository
class SiteRepository {

    private static final String COLUMNS = "id, start_url, state, pages_found, pages_done, pages_failed, articles, "
            + "last_error, last_synced_at, next_sync_at, created_at";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SiteRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void insert(Site site) {
        jdbc.sql("""
                INSERT INTO knowledge_site (id, start_url, state, pages_found, pages_done, pages_failed, articles,
                    next_sync_at, created_at) VALUES (:id, :url, 'IDLE', 0, 0, 0, 0, NULL, :at)""")
                .param("id", site.id()).param("url", site.startUrl()).param("at", timestamp(site.createdAt())).update();
    }

    Optional<Site> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_site WHERE id = :id").param("id", id)
                .query(SiteRepository::site).optional();
    }

    List<Site> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM knowledge_site ORDER BY created_at, id")
                .query(SiteRepository::site).list();
    }

    boolean delete(String id) {
        return jdbc.sql("DELETE FROM knowledge_site WHERE id = :id").param("id", id).update() > 0;
    }

    /** Moves an idle site to QUEUED; false when it is already queued or running (or gone). */
    boolean queue(String id) {
        return jdbc.sql("UPDATE knowledge_site SET state = 'QUEUED' WHERE id = :id AND state = 'IDLE'")
                .param("id", id).update() > 0;
    }

    /** Idle sites whose next sync is due. */
    List<String> due(Instant now) {
        return jdbc.sql("SELECT id FROM knowledge_site WHERE state = 'IDLE' AND next_sync_at <= :now ORDER BY next_sync_at")
                .param("now", timestamp(now)).query(String.class).list();
    }

    /** After a restart, syncs that were queued or running are idle again and due at once. */
    int resetInterrupted(Instant now) {
        return jdbc.sql("""
                UPDATE knowledge_site SET state = 'IDLE', next_sync_at = :now,
                    last_error = 'The last sync was interrupted by a restart; it runs again.'
                WHERE state IN ('QUEUED', 'RUNNING')""").param("now", timestamp(now)).update();
    }

    void started(String id) {
        jdbc.sql("""
                UPDATE knowledge_site SET state = 'RUNNING', pages_found = 0, pages_done = 0, pages_failed = 0,
                    last_error = NULL WHERE id = :id""").param("id", id).update();
    }

    void progress(String id, int found, int done, int failed) {
        jdbc.sql("UPDATE knowledge_site SET pages_found = :found, pages_done = :done, pages_failed = :failed WHERE id = :id")
                .param("found", found).param("done", done).param("failed", failed).param("id", id).update();
    }

    void finished(String id, int articles, String error, Instant at, Instant next) {
        jdbc.sql("""
                UPDATE knowledge_site SET state = 'IDLE', articles = :articles, last_error = :error,
                    last_synced_at = :at, next_sync_at = :next WHERE id = :id""")
                .param("articles", articles).param("error", error).param("at", timestamp(at))
                .param("next", timestamp(next)).param("id", id).update();
    }

    /** Ends a sync that failed as a whole; the site's articles and pages stay as they were. */
    void failed(String id, String error, Instant next) {
        jdbc.sql("UPDATE knowledge_site SET state = 'IDLE', last_error = :error, next_sync_at = :next WHERE id = :id")
                .param("error", error).param("next", timestamp(next)).param("id", id).update();
    }

    List<SitePage> pages(String siteId) {
        return jdbc.sql("""
                SELECT url, status, detail, content_hash, article_ids, checked_at FROM knowledge_site_page
                WHERE site_id = :id ORDER BY url""").param("id", siteId)
                .query((rs, n) -> new SitePage(rs.getString("url"), SitePage.Status.valueOf(rs.getString("status")),
                        rs.getString("detail"), rs.getString("content_hash"), ids(rs.getString("article_ids")),
                        instant(rs, "checked_at"))).list();
    }

    void replacePages(String siteId, Collection<SitePage> pages) {
        jdbc.sql("DELETE FROM knowledge_site_page WHERE site_id = :id").param("id", siteId).update();
        batch.batchUpdate("""
                INSERT INTO knowledge_site_page (site_id, url, status, detail, content_hash, article_ids, checked_at)
                VALUES (:site, :url, :status, :detail, :hash, :ids, :at)""", pages.stream()
                .map(p -> new MapSqlParameterSource("site", siteId).addValue("url", p.url())
                        .addValue("status", p.status().name()).addValue("detail", p.detail())
                        .addValue("hash", p.contentHash()).addValue("ids", String.join("\n", p.articleIds()))
                        .addValue("at", timestamp(p.checkedAt())))
                .toArray(SqlParameterSource[]::new));
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static Site site(ResultSet rs, int n) throws SQLException {
        return new Site(rs.getString("id"), rs.getString("start_url"), Site.State.valueOf(rs.getString("state")),
                rs.getInt("pages_found"), rs.getInt("pages_done"), rs.getInt("pages_failed"), rs.getInt("articles"),
                rs.getString("last_error"), instant(rs, "last_synced_at"), instant(rs, "next_sync_at"),
                instant(rs, "created_at"));
    }
}
