package dev.parley.channel.api;

import dev.parley.shared.net.GuardedDnsResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs JSON to addresses others configured: never to internal addresses (unless allowed), redirects not followed,
 * timeouts on connect and response, and at most 2 KB of the answer read (kept as a snippet for logs).
 */
@Component
public class CallbackPoster implements DisposableBean {

    private static final int SNIPPET = 2048;
    /** The most of an answer read past its snippet so the connection can be reused; a longer answer closes it. */
    private static final int DRAINED = 64 * 1024;

    private final CloseableHttpClient client;
    private final boolean allowPrivate;

    CallbackPoster(CallbackSettings settings) {
        this.allowPrivate = settings.allowPrivateAddresses();
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(allowPrivate, "which callbacks are not sent to"))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setRedirectsEnabled(false).build())
                .disableCookieManagement()
                .disableAutomaticRetries()
                .build();
    }

    /** What the receiver answered. */
    public record Answer(int status, String snippet) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A 4xx other than timeout or rate limiting will not change by trying again. */
        public boolean permanent() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }

    public Answer post(URI url, byte[] body, Map<String, String> headers) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            String snippet = "";
            if (response.getEntity() != null) {
                try (InputStream in = response.getEntity().getContent()) {
                    snippet = new String(in.readNBytes(SNIPPET), StandardCharsets.UTF_8);
                    if (in.readNBytes(DRAINED).length == DRAINED && in.read() >= 0) {
                        post.cancel(); // a long answer: close the connection rather than read it all to reuse it
                    }
                }
            }
            return new Answer(response.getCode(), snippet);
        });
    }

    /** A callback URL must be http(s) with a host; private hosts are refused when the call is made. */
    public static URI validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw dev.parley.shared.ApiException.badRequest("callbackUrl is required: replies are sent there");
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("a callback URL must be an http or https address without credentials");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw dev.parley.shared.ApiException.badRequest("callbackUrl: " + e.getMessage());
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
