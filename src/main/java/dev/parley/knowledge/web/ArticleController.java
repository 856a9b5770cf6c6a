package dev.parley.knowledge.web;

import dev.parley.knowledge.internal.ArticleLinks;
import dev.parley.knowledge.internal.Articles;
import dev.parley.knowledge.internal.Article;
import dev.parley.shared.ApiException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Admin API for knowledge articles (protected by {@link KnowledgeApiSecurity}). */
@RestController
@RequestMapping("/api/v1/knowledge/articles")
class ArticleController {

    private static final int MAX_PAGE_SIZE = 200;

    private final Articles articles;
    private final ArticleLinks links;

    ArticleController(Articles articles, ArticleLinks links) {
        this.articles = articles;
        this.links = links;
    }

    @GetMapping
    ArticleResponse.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("page must be >= 0 and size 1-" + MAX_PAGE_SIZE);
        }
        var result = articles.list(q, ArticleRequest.status(status), page, size);
        return new ArticleResponse.Page(result.items().stream().map(this::response).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{id}")
    ArticleResponse get(@PathVariable String id) {
        return response(articles.find(id).orElseThrow(() -> ApiException.notFound("Article " + id)));
    }

    @PostMapping
    ResponseEntity<ArticleResponse> create(@RequestBody ArticleRequest request) {
        ArticleResponse created = response(articles.create(request.toDraft()));
        URI location = UriComponentsBuilder.fromPath("/api/v1/knowledge/articles/{id}").build(created.id());
        return ResponseEntity.created(location).body(created);
    }

    @PutMapping("/{id}")
    ArticleResponse update(@PathVariable String id, @RequestBody ArticleRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiException.badRequest("id in the body ('" + request.id() + "') differs from the path ('" + id + "')");
        }
        return response(articles.update(id, request.toDraft()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        articles.delete(id);
    }

    /** An agent attaches a customer's question to an article, so the assistant recognises it next time. */
    @PostMapping("/{id}/examples")
    ArticleResponse addExample(@PathVariable String id, @RequestBody ArticleResponse.NewExample example) {
        return response(articles.addExample(id, example.text()));
    }

    private ArticleResponse response(Article article) {
        return ArticleResponse.of(article, links.url(article.id()));
    }
}
