package dev.parley.assistant.internal;

import dev.parley.assistant.passage.Passage;
import dev.parley.knowledge.KnowledgeArticle;

/**
 * The reply drawn from an article: the passage that answers the question, in whole sentences, with the
 * article linked once after it ("Read more: [title](url)"). Replies are a small Markdown subset that the
 * widget and the dashboard render as text nodes and real links, never as HTML.
 */
final class AnswerText {

    private AnswerText() {
    }

    static String of(KnowledgeArticle article, Passage passage) {
        String text = passage.markdown();
        if (article.url() != null && !article.url().isBlank()) {
            String title = article.title() == null || article.title().isBlank() ? "the full article" : article.title();
            text = text + "\n\nRead more: [" + title.replace("[", "(").replace("]", ")") + "](" + article.url() + ")";
        }
        return text;
    }
}
