package dev.parley.analytics.internal;

import java.time.LocalDate;
import java.util.UUID;

/** One conversation's analytics facts, as stored in the projection. */
record FactsRow(UUID conversationId, String channel, LocalDate day, long messages, boolean aiAnswered,
        boolean escalated, String escalationReason, Long firstResponseSeconds, Long resolutionSeconds, Integer csat,
        long tokens, double costUsd) {

    boolean aiResolved() {
        return aiAnswered && !escalated;
    }
}
