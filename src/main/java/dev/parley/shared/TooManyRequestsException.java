package dev.parley.shared;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A rate limit was hit; the client may retry after {@link #retryAfter()}. */
public class TooManyRequestsException extends RetryLaterException {

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfter, null);
    }
}
