package dev.parley.shared;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * This node is handling as much as it can: the request was refused before it stored anything, and the client sends
 * it again after {@link #retryAfter()} (503 with Retry-After, problem type {@code urn:parley:problem:busy}).
 */
public class BusyException extends RetryLaterException {

    public BusyException(String detail, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Busy", detail, retryAfter, URI.create("urn:parley:problem:busy"));
    }
}
