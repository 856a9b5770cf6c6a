package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.Article;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** An article as the admin API shows it. */
record ArticleResponse(String id, String title, String body, String category, List<String> tags, String locale,
        String status, List<String> examples, String url, String source, Instant createdAt, Instant updatedAt) {

    static ArticleResponse of(Article a, String url) {
        return new ArticleResponse(a.id(), a.title(), a.body(), a.category(), a.tags(), a.locale(),
                a.status().name().toLowerCase(Locale.ROOT), a.examples(), url, a.source(), a.createdAt(),
                a.updatedAt());
    }

    /** One page of articles. */
    record Page(List<ArticleResponse> items, int page, int size, long total) {
    }

    /** A customer's phrasing to attach to an article as an example question. */
    record NewExample(String text) {
    }
}
