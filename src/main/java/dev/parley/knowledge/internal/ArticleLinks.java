package dev.parley.knowledge.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Where customers see an article: the help center under {@code parley.base-url}. */
@Component
public class ArticleLinks {

    private final String baseUrl;

    ArticleLinks(@Value("${parley.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String url(String articleId) {
        return baseUrl + "/help/articles/" + UriUtils.encodePathSegment(articleId, StandardCharsets.UTF_8);
    }
}
