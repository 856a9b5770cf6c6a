package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which knowledge version last changed each article (a column on the article, a removal row for a deleted one), so
 * that a node can catch up on changes committed by another node: it re-reads the articles changed after the
 * version its index holds, instead of rebuilding.
 */
@Repository
class ArticleChangeLog {

    private static final int IN_CHUNK = 500;

    private final JdbcClient jdbc;

    ArticleChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records, inside the writing transaction, that these articles changed (or were deleted) at {@code version}. */
    void changed(Collection<String> ids, long version) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            jdbc.sql("UPDATE knowledge_article SET changed_version = :version WHERE id IN (:ids)")
                    .param("version", version).param("ids", chunk).update();
            Set<String> gone = new HashSet<>(chunk);
            gone.removeAll(jdbc.sql("SELECT id FROM knowledge_article WHERE id IN (:ids)").param("ids", chunk)
                    .query(String.class).list());
            if (!gone.isEmpty()) {
                jdbc.sql("DELETE FROM knowledge_removal WHERE article_id IN (:ids)").param("ids", gone).update();
                for (String id : gone) {
                    jdbc.sql("INSERT INTO knowledge_removal (article_id, version) VALUES (:id, :version)")
                            .param("id", id).param("version", version).update();
                }
            }
        }
    }

    /** The ids of the articles created, edited, (un)published or deleted after {@code version}. */
    List<String> changedSince(long version) {
        List<String> ids = new ArrayList<>(jdbc.sql("SELECT id FROM knowledge_article WHERE changed_version > :version")
                .param("version", version).query(String.class).list());
        ids.addAll(jdbc.sql("SELECT article_id FROM knowledge_removal WHERE version > :version")
                .param("version", version).query(String.class).list());
        return ids;
    }
}
