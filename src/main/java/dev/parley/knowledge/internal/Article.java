package dev.parley.knowledge.internal;

import java.time.Instant;
import java.util.List;

/** A stored knowledge article, draft or published. */
public record Article(String id, String title, String body, String category, List<String> tags, String locale,
        ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public boolean published() {
        return status == ArticleStatus.PUBLISHED;
    }
}
