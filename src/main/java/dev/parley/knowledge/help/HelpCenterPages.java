package dev.parley.knowledge.help;

import dev.parley.knowledge.help.HelpPages.ArticlePage;
import dev.parley.shared.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public help center: server-rendered pages that work without JavaScript. */
@Controller
@RequestMapping("/help")
class HelpCenterPages {

    private static final int MAX_QUERY = 500;

    private final HelpCenter help;
    private final Visitors visitors;
    private final HelpLinks links;
    private final RateLimiter limiter;
    private final HelpCenterSettings settings;

    HelpCenterPages(HelpCenter help, Visitors visitors, HelpLinks links, RateLimiter limiter,
            HelpCenterSettings settings) {
        this.limiter = limiter;
        this.settings = settings;
        this.help = help;
        this.visitors = visitors;
        this.links = links;
    }

    @GetMapping({"", "/"})
    String home(Model model) {
        model.addAttribute("home", help.home());
        model.addAttribute("canonical", links.absolute("/help"));
        return "help/home";
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, Model model, HttpServletRequest request) {
        String query = q == null ? "" : q.strip();
        if (!query.isEmpty()) {
            HelpSuggestionsApi.limitSearches(limiter, settings, request);
        }
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        model.addAttribute("query", query);
        model.addAttribute("results", query.isEmpty() ? java.util.List.of() : help.search(query));
        return "help/search";
    }

    @GetMapping("/categories/{category}")
    String category(@PathVariable String category, Model model) {
        model.addAttribute("category", help.category(category)
                .orElseThrow(() -> new HelpPageNotFound("There is no category called “" + category + "”.")));
        return "help/category";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        UUID visitor = visitors.identify(request, response);
        ArticlePage article = help.article(id, visitor)
                .orElseThrow(() -> new HelpPageNotFound("We could not find that article."));
        if (!visitors.isCrawler(request)) {
            help.countView(article.id(), visitor);
        }
        model.addAttribute("article", article);
        return "help/article";
    }

    /** A plain form post, so voting works without JavaScript; answers with the article in its thank-you state. */
    @PostMapping("/articles/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, @RequestParam String helpful, HttpServletRequest request,
            HttpServletResponse response) {
        boolean yes = switch (helpful) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException("Answer “yes” or “no”.");
        };
        if (!help.vote(id, visitors.identify(request, response), yes)) {
            throw new HelpPageNotFound("We could not find that article.");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(HelpLinks.articlePath(id) + "#feedback")).build();
    }
}
