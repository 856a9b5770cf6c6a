package dev.parley.assistant.internal;

import dev.parley.knowledge.KnowledgeArticle;

/**
 * The reply drawn from an article: its body as plain text, cut at a paragraph or sentence boundary
 * when long, followed by a link to the full article.
 */
final class AnswerText {

    private AnswerText() {
    }

    static String of(KnowledgeArticle article, int maxChars) {
        String body = article.body() == null ? "" : PlainText.fromMarkdown(article.body().strip());
        String text = body.length() <= maxChars ? body : cut(body, maxChars);
        if (article.url() != null && !article.url().isBlank()) {
            String title = article.title() == null || article.title().isBlank() ? "the full article" : article.title();
            text = text + "\n\nMore: " + title + " (" + article.url() + ")";
        }
        return text;
    }

    static String cut(String body, int maxChars) {
        String head = body.substring(0, maxChars);
        int paragraph = head.lastIndexOf("\n\n");
        if (paragraph >= maxChars / 3) {
            return head.substring(0, paragraph).strip() + "\n\n…";
        }
        int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf(".\n"), head.lastIndexOf("! ")));
        if (sentence >= maxChars / 3) {
            return head.substring(0, sentence + 1).strip() + " …";
        }
        int space = head.lastIndexOf(' ');
        return head.substring(0, space > 0 ? space : maxChars).strip() + " …";
    }
}
