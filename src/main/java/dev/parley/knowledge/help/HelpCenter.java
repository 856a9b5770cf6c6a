package dev.parley.knowledge.help;

import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import dev.parley.knowledge.help.HelpPages.ArticlePage;
import dev.parley.knowledge.help.HelpPages.Category;
import dev.parley.knowledge.help.HelpPages.CategoryPage;
import dev.parley.knowledge.help.HelpPages.Home;
import dev.parley.knowledge.help.HelpPages.Link;
import dev.parley.knowledge.internal.ArticleTitle;
import dev.parley.knowledge.internal.HelpCatalogRepository;
import dev.parley.knowledge.internal.HelpViewRepository;
import dev.parley.knowledge.internal.HelpVoteRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads and records what the help-center pages need: published articles only. */
@Service
class HelpCenter {

    static final int POPULAR = 6;
    static final int SEARCH_RESULTS = 10;
    static final int RELATED = 3;
    private static final int SNIPPET = 200;

    private final KnowledgeBase knowledge;
    private final HelpCatalogRepository catalog;
    private final HelpViewRepository views;
    private final HelpVoteRepository votes;
    private final ArticleHtml html;
    private final HelpLinks links;
    private final HelpCenterSettings settings;
    private final Clock clock;

    HelpCenter(KnowledgeBase knowledge, HelpCatalogRepository catalog, HelpViewRepository views,
            HelpVoteRepository votes, ArticleHtml html, HelpLinks links, HelpCenterSettings settings, Clock clock) {
        this.knowledge = knowledge;
        this.catalog = catalog;
        this.views = views;
        this.votes = votes;
        this.html = html;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    Home home() {
        List<Category> categories = catalog.categories().stream()
                .map(c -> new Category(c.name(), HelpLinks.categoryPath(c.name()), c.articles())).toList();
        // Most viewed first; a new help center without views yet shows articles by title instead.
        List<ArticleTitle> popular = new ArrayList<>(views.mostViewed(POPULAR));
        for (ArticleTitle a : catalog.titles(POPULAR)) {
            if (popular.size() < POPULAR && popular.stream().noneMatch(p -> p.id().equals(a.id()))) {
                popular.add(a);
            }
        }
        return new Home(categories, popular.stream().map(HelpCenter::link).toList());
    }

    /** Hits above the search floor, with plain-text snippets. */
    List<Link> search(String query) {
        return knowledge.search(query, SEARCH_RESULTS).stream()
                .filter(hit -> hit.score() >= settings.searchFloor())
                .map(hit -> new Link(hit.title(), HelpLinks.articlePath(hit.articleId()), snippet(hit)))
                .toList();
    }

    Optional<CategoryPage> category(String name) {
        List<Link> articles = catalog.inCategory(name).stream()
                .map(a -> new Link(a.title(), HelpLinks.articlePath(a.id()), html.excerpt(a.bodyStart(), SNIPPET)))
                .toList();
        return articles.isEmpty() ? Optional.empty()
                : Optional.of(new CategoryPage(name, links.absolute(HelpLinks.categoryPath(name)), articles));
    }

    Optional<ArticlePage> article(String id, UUID visitor) {
        return knowledge.article(id).map(a -> new ArticlePage(a.id(), a.title(), html.render(a.body()),
                html.excerpt(a.body(), ArticleHtml.DESCRIPTION_LENGTH), a.url(),
                HelpLinks.articlePath(a.id()) + "/feedback", category(a), related(a),
                visitor == null ? null : votes.voteOf(a.id(), visitor).orElse(null)));
    }

    /** Counts a page view, at most once per visitor and article within the view window. */
    boolean countView(String articleId, UUID visitor) {
        Instant now = clock.instant();
        return views.countView(articleId, visitor, now, now.minus(settings.viewWindow()));
    }

    /** Records (or replaces) the visitor's vote; false when the article is not published. */
    boolean vote(String articleId, UUID visitor, boolean helpful) {
        if (knowledge.article(articleId).isEmpty()) {
            return false;
        }
        votes.vote(articleId, visitor, helpful, clock.instant());
        return true;
    }

    private List<Link> related(KnowledgeArticle article) {
        List<Link> related = new ArrayList<>();
        for (KnowledgeHit hit : knowledge.search(article.title(), RELATED + 1)) {
            if (!hit.articleId().equals(article.id()) && hit.score() >= settings.relatedFloor()
                    && related.size() < RELATED) {
                related.add(new Link(hit.title(), HelpLinks.articlePath(hit.articleId()), null));
            }
        }
        return related;
    }

    private static Category category(KnowledgeArticle a) {
        return a.category() == null ? null : new Category(a.category(), HelpLinks.categoryPath(a.category()), 0);
    }

    private String snippet(KnowledgeHit hit) {
        return hit.snippet() == null ? null : html.excerpt(hit.snippet(), SNIPPET);
    }

    private static Link link(ArticleTitle a) {
        return new Link(a.title(), HelpLinks.articlePath(a.id()), null);
    }
}
