package dev.parley.knowledge.internal;

import java.time.Instant;
import java.util.List;

/**
 * A stored knowledge article, draft or published. {@code source} says where an imported article came from (a file
 * name, with its section, or a web address); null for articles written in Parley. {@code generated} are example
 * questions the configured LLM wrote for an article without any of its own.
 */
public record Article(String id, String title, String body, String category, List<String> tags, String locale,
        ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt, String source,
        List<String> generated) {

    public Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
        examples = examples == null ? List.of() : List.copyOf(examples);
        generated = generated == null ? List.of() : List.copyOf(generated);
    }

    public Article(String id, String title, String body, String category, List<String> tags, String locale,
            ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt, String source) {
        this(id, title, body, category, tags, locale, status, examples, createdAt, updatedAt, source, List.of());
    }

    /** The questions the search index and the scorer learn from: the article's own, else the generated ones. */
    public List<String> allExamples() {
        return examples.isEmpty() ? generated : examples;
    }

    public Article(String id, String title, String body, String category, List<String> tags, String locale,
            ArticleStatus status, List<String> examples, Instant createdAt, Instant updatedAt) {
        this(id, title, body, category, tags, locale, status, examples, createdAt, updatedAt, null);
    }

    public boolean published() {
        return status == ArticleStatus.PUBLISHED;
    }
}
