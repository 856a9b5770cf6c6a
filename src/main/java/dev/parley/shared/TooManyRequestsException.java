package dev.parley.shared;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A rate limit was hit; the client may retry after {@link #retryAfter()}. */
public class TooManyRequestsException extends ApiException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
