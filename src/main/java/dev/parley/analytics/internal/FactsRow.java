package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.util.UUID;

/** One conversation's analytics facts, as stored in the projection. */
record FactsRow(UUID conversationId, String channel, LocalDate day, long messages, boolean aiAnswered,
        boolean escalated, String escalationReason, Long firstResponseSeconds, Long resolutionSeconds, Integer csat,
        long tokens, double costUsd, String aiResolution, boolean durable, People people) {

    /** Who handled it and how long the customer waited for a person; the volumes' dimensions. */
    record People(boolean takenOver, Long humanResponseSeconds, Long queueWaitSeconds, Long personResolutionSeconds,
            UUID agentId, UUID inboxId, String category, String priority) {
    }

    /** Answered by the assistant, never escalated and never taken over by a person. */
    boolean aiResolved() {
        return aiAnswered && !escalated && !people.takenOver();
    }

    /** AI-resolved, and the customer said "Yes, thanks". */
    boolean aiConfirmed() {
        return aiResolved() && "CONFIRMED".equals(aiResolution);
    }

    /** AI-resolved, and nobody clicked before the feedback timeout. */
    boolean aiAssumed() {
        return aiResolved() && "ASSUMED".equals(aiResolution);
    }

    /** AI-resolved, and not reopened by the customer within the durability window. */
    boolean aiDurable() {
        return aiResolved() && durable;
    }
}
