package dev.parley.shared;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The application is still loading what it needs to serve this request; the client retries after {@link #retryAfter()}. */
public class StartingUpException extends RetryLaterException {

    public StartingUpException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Starting up", detail, retryAfter,
                URI.create("urn:parley:problem:starting-up"));
    }
}
