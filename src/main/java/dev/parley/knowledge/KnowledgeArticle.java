package dev.parley.knowledge;

import dev.parley.engine.scoring.TrainingArticle;
import java.util.List;

/**
 * A published article as other modules see it; the assistant's scorer learns it as a {@link TrainingArticle}.
 *
 * @param id stable key (the imported id, or one generated on creation)
 * @param body Markdown
 * @param examples phrasings customers use for the question this article answers
 * @param url where the article is shown to customers (the help center)
 */
public record KnowledgeArticle(String id, String title, String body, String category, List<String> tags,
        String locale, List<String> examples, String url) implements TrainingArticle {

    public KnowledgeArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }
}
