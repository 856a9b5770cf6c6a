package dev.parley.knowledge.internal;

import dev.parley.knowledge.internal.ArticleRepository.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tags and example questions of articles: loaded in one query per kind, written in batches. */
class ArticleChildren {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ArticleChildren(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Completes rows into articles; {@code where} selects (at least) their rows from alias {@code a}. */
    List<Article> attach(List<Row> rows, String where, Map<String, ?> params) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = load("SELECT t.article_id, t.tag FROM knowledge_tag t "
                + "JOIN knowledge_article a ON a.id = t.article_id WHERE " + where + " ORDER BY t.article_id, t.tag", params);
        Map<String, List<String>> examples = load("SELECT e.article_id, e.text FROM knowledge_example e "
                + "JOIN knowledge_article a ON a.id = e.article_id WHERE " + where
                + " ORDER BY e.article_id, e.position", params);
        Map<String, List<String>> generated = load("SELECT g.article_id, g.text FROM knowledge_generated_example g "
                + "JOIN knowledge_article a ON a.id = g.article_id WHERE " + where
                + " ORDER BY g.article_id, g.position", params);
        return rows.stream().map(r -> new Article(r.id(), r.title(), r.body(), r.category(),
                tags.getOrDefault(r.id(), List.of()), r.locale(), r.status(),
                examples.getOrDefault(r.id(), List.of()), r.createdAt(), r.updatedAt(), r.source(),
                generated.getOrDefault(r.id(), List.of()))).toList();
    }

    void deleteOf(List<String> ids) {
        SqlParameterSource[] p = ids.stream().map(id -> new MapSqlParameterSource("id", id))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("DELETE FROM knowledge_tag WHERE article_id = :id", p);
        batch.batchUpdate("DELETE FROM knowledge_example WHERE article_id = :id", p);
    }

    void insert(List<Article> articles) {
        List<SqlParameterSource> tags = new ArrayList<>();
        List<SqlParameterSource> examples = new ArrayList<>();
        for (Article a : articles) {
            a.tags().forEach(t -> tags.add(new MapSqlParameterSource("id", a.id()).addValue("tag", t)));
            for (int i = 0; i < a.examples().size(); i++) {
                examples.add(new MapSqlParameterSource("id", a.id()).addValue("pos", i)
                        .addValue("text", a.examples().get(i)));
            }
        }
        batch.batchUpdate("INSERT INTO knowledge_tag (article_id, tag) VALUES (:id, :tag)",
                tags.toArray(SqlParameterSource[]::new));
        batch.batchUpdate("INSERT INTO knowledge_example (article_id, position, text) VALUES (:id, :pos, :text)",
                examples.toArray(SqlParameterSource[]::new));
    }

    void append(String id, String text) {
        int next = jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM knowledge_example WHERE article_id = :id")
                .param("id", id).query(Integer.class).single();
        jdbc.sql("INSERT INTO knowledge_example (article_id, position, text) VALUES (:id, :pos, :text)")
                .param("id", id).param("pos", next).param("text", text).update();
    }

    private Map<String, List<String>> load(String sql, Map<String, ?> params) {
        Map<String, List<String>> byArticle = new HashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> byArticle
                .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return byArticle;
    }
}
