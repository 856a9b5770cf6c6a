package dev.parley.knowledge.help;

import dev.parley.knowledge.KnowledgeBase;
import dev.parley.shared.ApiException;
import dev.parley.shared.ratelimit.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Help articles that match a customer's question, for the widget to offer before or alongside a hand-off. */
@RestController
@Tag(name = "Widget", description = "Public customer-facing chat API")
class HelpSuggestionsApi {

    static final int MAX_LIMIT = 5;
    static final int MAX_QUERY = 1000;
    private static final int SNIPPET = 160;

    private final KnowledgeBase knowledge;
    private final ArticleHtml html;
    private final HelpCenterSettings settings;
    private final RateLimiter limiter;

    HelpSuggestionsApi(KnowledgeBase knowledge, ArticleHtml html, HelpCenterSettings settings, RateLimiter limiter) {
        this.knowledge = knowledge;
        this.html = html;
        this.settings = settings;
        this.limiter = limiter;
    }

    record Suggestion(String id, String title, String url, String snippet) {
    }

    @GetMapping("/api/v1/widget/help/suggestions")
    @Operation(summary = "Published help articles that match a question well (none when nothing does)")
    List<Suggestion> suggestions(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "3") int limit, HttpServletRequest request) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q is required: the customer's question");
        }
        if (q.length() > MAX_QUERY) {
            throw ApiException.badRequest("q is at most " + MAX_QUERY + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        limitSearches(limiter, settings, request);
        return knowledge.search(q, limit).stream()
                .filter(hit -> hit.score() >= settings.suggestionFloor())
                .map(hit -> new Suggestion(hit.articleId(), hit.title(), hit.url(),
                        hit.snippet() == null ? null : html.excerpt(hit.snippet(), SNIPPET)))
                .toList();
    }

    /** Every public search embeds the question: one allowance per client IP covers suggestions and search pages. */
    static void limitSearches(RateLimiter limiter, HelpCenterSettings settings, HttpServletRequest request) {
        limiter.check("help:search:" + request.getRemoteAddr(), settings.searchesPerMinute(), Duration.ofMinutes(1),
                "searches from your address");
    }
}
