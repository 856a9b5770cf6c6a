package dev.parley.knowledge.internal;

import java.time.Instant;
import java.util.List;

/**
 * A stored knowledge article, draft or published. {@code source} says where an imported article came from (a file
 * name, with its section, or a web address); null for articles written in Parley.
 */
public record Article(String id, String title, String body, String category, List<String> tags, String locale,
        ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt, String source) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public Article(String id, String title, String body, String category, List<String> tags, String locale,
            ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt) {
        this(id, title, body, category, tags, locale, status, examples, createdAt, updatedAt, null);
    }

    public boolean published() {
        return status == ArticleStatus.PUBLISHED;
    }
}
