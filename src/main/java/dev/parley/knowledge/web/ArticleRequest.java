package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.ArticleDraft;
import dev.parley.knowledge.internal.ArticleStatus;
import dev.parley.shared.ApiException;
import java.util.List;
import java.util.Locale;

/** An article as the admin API receives it; {@code status} is "draft" or "published" (the default). */
record ArticleRequest(String id, String title, String body, String category, List<String> tags, String locale,
        String status, List<String> examples) {

    ArticleDraft toDraft() {
        if (tags != null && tags.contains(null) || examples != null && examples.contains(null)) {
            throw ApiException.badRequest("tags and examples must not contain null");
        }
        return new ArticleDraft(id, title, body, category, tags, locale, status(status), examples);
    }

    /** "draft" or "published" in any case; null when absent; a 400 otherwise. Also used for list filters. */
    static ArticleStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be 'draft' or 'published'");
        }
    }
}
