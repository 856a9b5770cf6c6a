package dev.parley.shared;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request that was not taken now but may be sent again after {@link #retryAfter()}: answered with a
 * {@code Retry-After} header and {@code retryAfterSeconds} in the problem.
 */
public abstract class RetryLaterException extends ApiException {

    private final Duration retryAfter;
    private final URI type;

    protected RetryLaterException(HttpStatus status, String title, String detail, Duration retryAfter, URI type) {
        super(status, title, detail);
        this.retryAfter = retryAfter;
        this.type = type;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one, as {@code Retry-After} gives them. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** The problem type that tells this case apart, or null for {@code about:blank}. */
    public URI type() {
        return type;
    }

    /** With its type, when it has one, and {@code retryAfterSeconds}. */
    @Override
    public ProblemDetail problem() {
        ProblemDetail problem = super.problem();
        if (type != null) {
            problem.setType(type);
        }
        problem.setProperty("retryAfterSeconds", retryAfterSeconds());
        return problem;
    }
}
