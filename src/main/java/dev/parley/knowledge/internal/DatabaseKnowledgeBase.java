package dev.parley.knowledge.internal;

import dev.parley.engine.runtime.TextEmbeddings;
import dev.parley.knowledge.ExampleQuestions;
import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import dev.parley.knowledge.KnowledgeSettings;
import dev.parley.shared.CleanText;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link KnowledgeBase} over the database (articles, version) and the Lucene index (search), and the
 * {@link ExampleQuestions} agents teach it with.
 */
@Component
class DatabaseKnowledgeBase implements KnowledgeBase, ExampleQuestions {

    private final ArticleRepository repository;
    private final KnowledgeIndexer indexer;
    private final TextEmbeddings embeddings;
    private final KnowledgeSettings settings;
    private final ArticleLinks links;
    private final Articles articles;

    DatabaseKnowledgeBase(ArticleRepository repository, KnowledgeIndexer indexer, TextEmbeddings embeddings,
            KnowledgeSettings settings, ArticleLinks links, Articles articles) {
        this.articles = articles;
        this.repository = repository;
        this.indexer = indexer;
        this.embeddings = embeddings;
        this.settings = settings;
        this.links = links;
    }

    @Override
    @Transactional(readOnly = true)
    public List<KnowledgeArticle> publishedArticles() {
        return repository.published().stream().map(this::toPublic).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<KnowledgeArticle> article(String id) {
        return repository.find(id).filter(Article::published).map(this::toPublic);
    }

    @Override
    public KnowledgeArticle add(String articleId, String question) {
        return toPublic(articles.addExample(articleId, question));
    }

    @Override
    public long version() {
        return repository.version();
    }

    @Override
    public long searchableVersion() {
        return indexer.indexedVersion();
    }

    @Override
    public List<KnowledgeHit> search(String query, int limit) {
        if (CleanText.isBlank(query) || limit <= 0 || indexer.index() == null) {
            return List.of();
        }
        String text = query.strip();
        HybridSearch search = new HybridSearch(indexer.index(), settings.vectorWeight());
        return search.search(text, embeddings.embed(text), limit).stream()
                .map(f -> new KnowledgeHit(f.articleId, f.title, f.snippetOrSummary(), url(f.articleId), f.score))
                .toList();
    }

    private String url(String id) {
        return links.url(id);
    }

    private KnowledgeArticle toPublic(Article a) {
        return new KnowledgeArticle(a.id(), a.title(), a.body(), a.category(), a.tags(), a.locale(), a.allExamples(),
                url(a.id()));
    }
}
