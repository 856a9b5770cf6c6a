package dev.parley.knowledge.help;

import dev.parley.knowledge.internal.ArticleLinks;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Absolute (for canonical links, Open Graph and the sitemap) and site-relative help-center addresses. */
@Component
class HelpLinks {

    private final String baseUrl;
    private final ArticleLinks articles;

    HelpLinks(@Value("${parley.base-url}") String baseUrl, ArticleLinks articles) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.articles = articles;
    }

    String absolute(String path) {
        return baseUrl + path;
    }

    String articleUrl(String id) {
        return articles.url(id);
    }

    static String articlePath(String id) {
        return "/help/articles/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    static String categoryPath(String category) {
        return "/help/categories/" + UriUtils.encodePathSegment(category, StandardCharsets.UTF_8);
    }
}
