package dev.parley.action;

import java.time.Instant;
import java.util.UUID;

/**
 * An action's call finished (published when its execution-log row is finished): which action, for which
 * conversation, whether it succeeded, the HTTP status, how long the call took and the failure type
 * ({@code HTTP_ERROR}, {@code TIMEOUT}, ...; {@code null} on success). Never inputs or outputs.
 */
public record ActionExecuted(UUID executionId, UUID actionId, String name, UUID conversationId, boolean succeeded,
        Integer httpStatus, long latencyMs, String errorType, boolean mock, Instant at) {
}
