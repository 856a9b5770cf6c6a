package dev.parley.assistant.llm;

import dev.parley.conversation.Message;
import dev.parley.knowledge.KnowledgeArticle;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer question with what retrieval found for it.
 *
 * @param messageId the customer message being answered (streamed tokens reply to it; usage is kept per it)
 * @param history the visible messages before it, oldest first
 * @param articles the top retrieved articles, the model's only source
 * @param retrievalConfidence the offline pipeline's calibrated confidence, 0..1
 * @param knowledgeVersion {@code KnowledgeBase.version()}, part of the cache key
 */
public record GroundedQuestion(UUID conversationId, UUID messageId, String question, List<Message> history,
        List<KnowledgeArticle> articles, double retrievalConfidence, long knowledgeVersion) {

    public GroundedQuestion {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(question, "question");
        history = history == null ? List.of() : List.copyOf(history);
        articles = articles == null ? List.of() : List.copyOf(articles);
        if (retrievalConfidence < 0 || retrievalConfidence > 1) {
            throw new IllegalArgumentException("retrievalConfidence must be within 0..1");
        }
    }
}
