package dev.parley.knowledge;

/**
 * Teaching the assistant: a question a customer asked, attached to the article that answers it, so the
 * assistant recognises that phrasing next time (the scorer retrains in the background).
 */
public interface ExampleQuestions {

    /**
     * @return the article as it is now; a 404 problem when it does not exist, 400 when the question is blank or
     *         too long, 409 when the article has the most examples it may have. A question it already has is kept once.
     */
    KnowledgeArticle add(String articleId, String question);
}
