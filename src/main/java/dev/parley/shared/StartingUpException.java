package dev.parley.shared;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The application is still loading what it needs to serve this request; the client retries after {@link #retryAfter()}. */
public class StartingUpException extends ApiException {

    private final Duration retryAfter;

    public StartingUpException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Starting up", detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
