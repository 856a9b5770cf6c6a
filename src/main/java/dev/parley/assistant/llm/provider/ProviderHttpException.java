package dev.parley.assistant.llm.provider;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/** A non-2xx answer from a provider, keeping the {@code Retry-After} LangChain4j's own exception drops. */
class ProviderHttpException extends HttpException {

    private final Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
