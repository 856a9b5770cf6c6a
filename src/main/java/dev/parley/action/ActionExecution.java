package dev.parley.action;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of an action as the execution log shows it: inputs and outputs as JSON with redacted values masked
 * ({@code "•••"}), never credentials or the raw response.
 */
public record ActionExecution(UUID id, UUID actionId, String actionName, UUID conversationId, String status,
        Integer httpStatus, Long latencyMs, String errorType, String error, String inputs, String outputs,
        String answer, boolean mock, Instant createdAt) {
}
