package dev.parley.assistant.internal.eval;

import dev.parley.knowledge.KnowledgeArticle;
import dev.parley.knowledge.KnowledgeBase;
import dev.parley.knowledge.KnowledgeHit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A fixed, in-memory knowledge base (the eval command's KB file); search is a plain title match. */
public record StaticKnowledgeBase(List<KnowledgeArticle> articles, long version) implements KnowledgeBase {

    public StaticKnowledgeBase {
        articles = List.copyOf(articles);
    }

    @Override
    public List<KnowledgeArticle> publishedArticles() {
        return articles;
    }

    @Override
    public Optional<KnowledgeArticle> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public List<KnowledgeHit> search(String query, int limit) {
        String q = query.toLowerCase(Locale.ROOT);
        return articles.stream().filter(a -> a.title() != null && a.title().toLowerCase(Locale.ROOT).contains(q))
                .limit(limit).map(a -> new KnowledgeHit(a.id(), a.title(), "", a.url(), 1.0)).toList();
    }
}
