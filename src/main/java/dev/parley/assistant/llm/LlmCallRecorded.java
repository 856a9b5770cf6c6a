package dev.parley.assistant.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A generative call (or a cache hit) was recorded with its tokens and cost; analytics adds it up, once per
 * {@code callId}.
 */
public record LlmCallRecorded(UUID callId, UUID conversationId, long inputTokens, long outputTokens, BigDecimal costUsd,
        boolean cached, Instant at) {
}
