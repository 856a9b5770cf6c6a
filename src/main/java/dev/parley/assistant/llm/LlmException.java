package dev.parley.assistant.llm;

import java.time.Duration;
import java.util.Optional;

/** Why a provider call failed; {@link #retryable()} says whether trying again may help. */
public class LlmException extends RuntimeException {

    /**
     * A timeout is not retried: a customer is waiting on the answer, and a provider too slow once is most likely as
     * slow again, so retrying made them wait up to {@code max-attempts} timeouts (90 s and more by default) for the
     * same hand-off.
     */
    public enum Kind {
        RATE_LIMITED(true), SERVER_ERROR(true), TIMEOUT(false), NETWORK(true),
        INVALID_RESPONSE(false), REJECTED(false), CIRCUIT_OPEN(false), STREAM_BROKEN(false), UNSAFE_OUTPUT(false),
        NOT_CONFIGURED(false), UNKNOWN(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public LlmException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public LlmException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The wait the provider asked for (HTTP {@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable;
    }
}
