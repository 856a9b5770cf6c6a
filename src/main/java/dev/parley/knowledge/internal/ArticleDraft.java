package dev.parley.knowledge.internal;

import java.util.List;

/**
 * The content of an article as written or imported, before it is stored; {@code id} may be null for a
 * new article (one is derived from the title). {@link ArticleRules} checks and normalises it.
 */
public record ArticleDraft(String id, String title, String body, String category, List<String> tags, String locale,
        ArticleStatus status, List<String> examples) {

    public ArticleDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public ArticleDraft withId(String newId) {
        return new ArticleDraft(newId, title, body, category, tags, locale, status, examples);
    }
}
