package dev.parley.assistant.llm.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client the LangChain4j models use: the JDK client, but a non-2xx answer keeps its
 * {@code Retry-After} so our retry can honour it. Streams are read on a virtual thread.
 */
class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(toJdk(request), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw failure(response.statusCode(), response.body(), response.headers());
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Thread.ofVirtual().name("llm-stream").start(() -> {
            try {
                HttpResponse<InputStream> response = client.send(toJdk(request),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() / 100 != 2) {
                        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                        listener.onError(failure(response.statusCode(), text, response.headers()));
                        return;
                    }
                    listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                            .headers(response.headers().map()).build());
                    // the JDK's request timeout ends at the headers; a stream that stalls later is cut here
                    Thread watchdog = Thread.ofVirtual().start(() -> closeAfter(readTimeout, body));
                    try {
                        parser.parse(body, listener);
                    } finally {
                        watchdog.interrupt();
                    }
                    listener.onClose();
                }
            } catch (Exception e) {
                listener.onError(e);
            }
        });
    }

    private static void closeAfter(Duration timeout, InputStream body) {
        try {
            Thread.sleep(timeout);
            body.close();
        } catch (InterruptedException finished) {
            // the stream ended in time
        } catch (IOException ignored) {
            // already closed
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var body = request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        return builder.method(request.method() == null ? HttpMethod.GET.name() : request.method().name(), body)
                .build();
    }

    private static ProviderHttpException failure(int status, String body, java.net.http.HttpHeaders headers) {
        Duration retryAfter = headers.firstValue("retry-after").flatMap(RetryAfter::parse).orElse(null);
        return new ProviderHttpException(status, body, retryAfter);
    }

    /** Builds the client with the timeouts LangChain4j's model builders pass in. */
    static final class Builder implements HttpClientBuilder {

        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ProviderHttpClient(connectTimeout, readTimeout);
        }
    }
}
