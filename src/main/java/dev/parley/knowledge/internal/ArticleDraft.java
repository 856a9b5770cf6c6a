package dev.parley.knowledge.internal;

import dev.parley.shared.CleanText;
import java.util.List;

/**
 * The content of an article as written or imported, before it is stored; {@code id} may be null for a
 * new article (one is derived from the title). Text from any source (API, form, import file) is
 * {@link CleanText cleaned} here; {@link ArticleRules} checks and normalises the rest.
 */
public record ArticleDraft(String id, String title, String body, String category, List<String> tags, String locale,
        ArticleStatus status, List<String> examples, String source) {

    public ArticleDraft(String id, String title, String body, String category, List<String> tags, String locale,
            ArticleStatus status, List<String> examples) {
        this(id, title, body, category, tags, locale, status, examples, null);
    }

    public ArticleDraft {
        id = CleanText.of(id);
        title = CleanText.of(title);
        body = CleanText.of(body);
        category = CleanText.of(category);
        locale = CleanText.of(locale);
        source = CleanText.of(source);
        tags = tags == null ? List.of() : List.copyOf(tags.stream().map(CleanText::of).toList());
        examples = examples == null ? List.of() : List.copyOf(examples.stream().map(CleanText::of).toList());
    }

    public ArticleDraft withId(String newId) {
        return new ArticleDraft(newId, title, body, category, tags, locale, status, examples, source);
    }
}
