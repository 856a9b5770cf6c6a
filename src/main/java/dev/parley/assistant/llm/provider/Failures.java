package dev.parley.assistant.llm.provider;

import dev.parley.assistant.llm.LlmException;
import dev.parley.assistant.llm.LlmException.Kind;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/** Turns whatever a LangChain4j model threw into one {@link LlmException} with a kind we can act on. */
final class Failures {

    private Failures() {
    }

    static LlmException classify(Throwable thrown) {
        if (thrown instanceof LlmException known) {
            return known;
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderHttpException http) {
                return fromStatus(http, thrown);
            }
            if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return new LlmException(Kind.TIMEOUT, "the provider did not answer in time", null, thrown);
            }
            if (cause instanceof com.fasterxml.jackson.core.JacksonException) {
                return new LlmException(Kind.INVALID_RESPONSE, "the provider's answer was not valid", null, thrown);
            }
            if (cause instanceof IOException) {
                // a refused connection says nothing but its type
                String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                return new LlmException(Kind.NETWORK, "network failure: " + why, null, thrown);
            }
        }
        return new LlmException(Kind.UNKNOWN, "provider call failed: " + thrown, null, thrown);
    }

    private static LlmException fromStatus(ProviderHttpException http, Throwable thrown) {
        int status = http.statusCode();
        Kind kind = status == 429 ? Kind.RATE_LIMITED
                : status == 408 ? Kind.TIMEOUT
                : status >= 500 ? Kind.SERVER_ERROR
                : Kind.REJECTED;
        return new LlmException(kind, "provider answered HTTP " + status, http.retryAfter(), thrown);
    }
}
