package dev.parley.knowledge.internal;

import dev.parley.identity.AuditLog;
import dev.parley.knowledge.KnowledgeSettings;
import dev.parley.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing and reading articles for the admin API and the importers; every write is one transaction. */
@Service
public class Articles {

    private final ArticleRepository repository;
    private final KnowledgeChanges changes;
    private final KnowledgeSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    Articles(ArticleRepository repository, KnowledgeChanges changes, KnowledgeSettings settings, Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Article> find(String id) {
        return repository.find(id);
    }

    @Transactional(readOnly = true)
    public ArticlePage list(String text, ArticleStatus status, int page, int size) {
        String q = text == null || text.isBlank() ? null : text.strip();
        // long: a huge page number must find an empty page, not overflow into a negative offset
        List<Article> found = repository.list(q, status, (long) page * size, size);
        return new ArticlePage(found, page, size, repository.count(q, status));
    }

    @Transactional
    public Article create(ArticleDraft draft) {
        ArticleDraft d = valid(draft);
        if (d.id() != null && repository.find(d.id()).isPresent()) {
            throw ApiException.conflict("An article with id '" + d.id() + "' already exists");
        }
        String id = d.id() != null ? d.id() : freeId(ArticleRules.slug(d.title()));
        Instant now = clock.instant();
        Article article = toArticle(d.withId(id), now, now);
        try {
            repository.save(List.of(article), List.of());
        } catch (DuplicateKeyException e) {
            // another request created the same id a moment ago
            throw ApiException.conflict("An article with id '" + id + "' already exists");
        }
        changes.changed(List.of(id));
        audit.recordForCurrent("knowledge.article.created", id, article.status().name());
        return article;
    }

    @Transactional
    public Article update(String id, ArticleDraft draft) {
        Article current = repository.find(id).orElseThrow(() -> ApiException.notFound("Article " + id));
        ArticleDraft d = valid(draft.withId(id));
        if (d.source() == null && current.source() != null) {
            // editing an imported article keeps where it came from
            d = new ArticleDraft(d.id(), d.title(), d.body(), d.category(), d.tags(), d.locale(), d.status(),
                    d.examples(), current.source());
        }
        Article article = toArticle(d, current.createdAt(), clock.instant());
        repository.save(List.of(article), List.of(id));
        changes.changed(List.of(id));
        audit.recordForCurrent("knowledge.article.updated", id,
                current.status() == article.status() ? null : current.status() + " -> " + article.status());
        return article;
    }

    @Transactional
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw ApiException.notFound("Article " + id);
        }
        changes.changed(List.of(id));
        audit.recordForCurrent("knowledge.article.deleted", id, null);
    }

    @Transactional
    public Article addExample(String id, String text) {
        Article current = repository.find(id).orElseThrow(() -> ApiException.notFound("Article " + id));
        if (!ArticleRules.validExample(text)) {
            throw ApiException.badRequest("text must be 1-" + ArticleRules.MAX_EXAMPLE + " characters with a letter or digit");
        }
        if (current.examples().size() >= ArticleRules.MAX_EXAMPLES) {
            throw ApiException.conflict("The article already has " + ArticleRules.MAX_EXAMPLES + " examples");
        }
        if (!current.examples().contains(text.strip())) {
            repository.addExample(id, text.strip(), clock.instant());
            changes.changed(List.of(id));
            audit.recordForCurrent("knowledge.example.added", id, text.strip());
        }
        return repository.find(id).orElseThrow();
    }

    /**
     * Stores already validated drafts in one transaction: new ids are inserted, known ids overwritten.
     * Drafts must carry ids (importers derive them), so importing the same file twice changes nothing new.
     */
    @Transactional
    public ImportOutcome importAll(List<ArticleDraft> drafts) {
        Map<String, Instant> existing = repository.existing(drafts.stream().map(ArticleDraft::id).toList());
        Instant now = clock.instant();
        List<Article> articles = new ArrayList<>(drafts.size());
        for (ArticleDraft draft : drafts) {
            if (draft.id() == null) {
                throw ApiException.badRequest("imported articles need an id");
            }
            ArticleDraft d = valid(draft);
            articles.add(toArticle(d, existing.getOrDefault(d.id(), now), now));
        }
        repository.save(articles, existing.keySet());
        long version = changes.changed(articles.stream().map(Article::id).toList());
        ImportOutcome outcome = new ImportOutcome(articles.size() - existing.size(), existing.size(),
                articles.stream().mapToInt(a -> a.examples().size()).sum(), version);
        if (!articles.isEmpty()) {
            audit.recordForCurrent("knowledge.imported", articles.size() + " articles",
                    "created " + outcome.created() + ", updated " + outcome.updated() + ", examples " + outcome.examples());
        }
        return outcome;
    }

    /** Moves published articles to drafts (a synced page that is gone); returns how many were published. */
    @Transactional
    public int unpublish(java.util.Collection<String> ids) {
        List<String> changed = repository.changeStatus(ids, ArticleStatus.DRAFT, clock.instant());
        if (!changed.isEmpty()) {
            changes.changed(changed);
            audit.recordForCurrent("knowledge.unpublished", String.join(", ", changed), null);
        }
        return changed.size();
    }

    @Transactional(readOnly = true)
    public boolean empty() {
        return repository.count(null, null) == 0;
    }

    private ArticleDraft valid(ArticleDraft draft) {
        ArticleRules.check(draft).ifPresent(problem -> {
            throw ApiException.badRequest(problem);
        });
        return ArticleRules.normalise(draft, settings.defaultLocale());
    }

    private String freeId(String slug) {
        String id = slug;
        for (int n = 2; repository.find(id).isPresent(); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    private static Article toArticle(ArticleDraft d, Instant createdAt, Instant updatedAt) {
        return new Article(d.id(), d.title(), d.body(), d.category(), d.tags(), d.locale(), d.status(),
                d.examples(), createdAt, updatedAt, d.source());
    }

    /** One page of the article list. */
    public record ArticlePage(List<Article> items, int page, int size, long total) {
    }

    /** What an import did. */
    public record ImportOutcome(int created, int updated, int examples, long version) {
    }
}
