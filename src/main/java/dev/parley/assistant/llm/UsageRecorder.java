package dev.parley.assistant.llm;

import dev.parley.assistant.llm.LlmResponse.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Records usage without ever failing an answer: a lost usage row is logged, the customer still gets a reply. */
@Component
class UsageRecorder {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private final LlmUsage usage;

    UsageRecorder(LlmUsage usage) {
        this.usage = usage;
    }

    void record(GroundedQuestion question, String purpose, LlmProvider provider, TokenUsage tokens, boolean cached) {
        record(question.conversationId(), question.messageId(), purpose, provider, tokens, cached);
    }

    void record(java.util.UUID conversationId, java.util.UUID messageId, String purpose, LlmProvider provider,
            TokenUsage tokens, boolean cached) {
        try {
            usage.record(conversationId, messageId, purpose, provider.id(), provider.model(), tokens, cached);
        } catch (RuntimeException e) {
            log.warn("Could not record LLM usage for conversation {}: {}", conversationId, e.toString());
        }
    }
}
