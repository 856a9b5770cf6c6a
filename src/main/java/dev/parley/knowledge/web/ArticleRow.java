package dev.parley.knowledge.web;

import dev.parley.knowledge.ArticleStats;
import dev.parley.knowledge.internal.Article;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of the article list; stats read "–" when they are not being collected. {@code examples} counts the
 * article's example questions: without any, the assistant matches it by its text only and is less sure of it.
 */
record ArticleRow(String id, String title, String category, String locale, boolean published, String updated,
        int examples, String views, String helpful, String usedByAssistant) {

    static final String NONE = "–";
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static ArticleRow of(Article a, ArticleStats stats) {
        ArticleStats.Stats s = stats == null ? null : stats.of(a.id());
        if (s == null) {
            return new ArticleRow(a.id(), a.title(), a.category(), a.locale(), a.published(), UPDATED.format(a.updatedAt()),
                    a.examples().size(), NONE, NONE, NONE);
        }
        Double ratio = s.helpfulRatio();
        String helpful = ratio == null ? NONE
                : Math.round(ratio * 100) + "% of " + (s.helpful() + s.notHelpful());
        return new ArticleRow(a.id(), a.title(), a.category(), a.locale(), a.published(), UPDATED.format(a.updatedAt()),
                a.examples().size(), Long.toString(s.views()), helpful, Long.toString(s.usedByAssistant()));
    }
}
