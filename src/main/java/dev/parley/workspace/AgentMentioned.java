package dev.parley.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent was mentioned ({@code @name}) in a colleague's internal note: what a notification needs, so listeners
 * need not read the note back.
 */
public record AgentMentioned(UUID conversationId, UUID messageId, UUID agentId, UUID byAgentId, String byName,
        String subject, String excerpt, Instant at) {
}
