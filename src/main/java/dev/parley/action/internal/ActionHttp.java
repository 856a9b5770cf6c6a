package dev.parley.action.internal;

import dev.parley.action.ActionSettings;
import dev.parley.shared.net.GuardedDnsResolver;
import dev.parley.shared.net.RefusedAddressException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes an action's HTTP request: never to private, loopback or link-local addresses unless the host is
 * allow-listed ({@code parley.actions.allowed-hosts}; checked before the call and again at connect time, so a
 * rebinding DNS answer is caught), no redirects, no retries, a hard time limit and a response size cap.
 */
@Component
public class ActionHttp implements DisposableBean {

    /** Why a call produced no usable response; the name is the error type in the execution log. */
    public enum Failure { REFUSED_TARGET, TIMEOUT, UNREACHABLE, TOO_LARGE }

    public static final class CallFailed extends Exception {

        private final Failure failure;

        CallFailed(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    public record Response(int status, String body) {
    }

    private final CloseableHttpClient client;
    private final Set<String> allowedHosts;
    /** Each call waits on its own virtual thread, so the caller can give up at the hard time limit. */
    private final java.util.concurrent.ExecutorService calls =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    /** With the demo shop on, Parley's own demo orders API on localhost, and nothing else there. */
    private final boolean demo;
    private final Set<String> adminAllowed;
    /** The port this application listens on, once its web server started (0 before: no demo target yet). */
    private volatile int ownPort;

    /**
     * With the demo shop on, {@code localhost} is allowed too, but only for the demo's order-status action calling
     * Parley's own demo orders API ({@code /demo/api/} on this application's port): no other local service.
     */
    ActionHttp(ActionSettings settings, @Value("${parley.demo.enabled:true}") boolean demo) {
        this.demo = demo;
        this.adminAllowed = settings.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.allowedHosts = java.util.stream.Stream.concat(adminAllowed.stream(),
                        demo ? java.util.stream.Stream.of("localhost") : java.util.stream.Stream.empty())
                .collect(Collectors.toUnmodifiableSet());
        Timeout connect = Timeout.of(settings.connectTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AllowListResolver(allowedHosts))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).build())
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .build();
    }

    public Response call(String method, URI url, Map<String, String> headers, String body, Duration timeout,
            int maxBytes) throws CallFailed {
        checkTarget(url);
        HttpUriRequestBase request = new HttpUriRequestBase(method, url);
        request.setConfig(RequestConfig.custom().setRedirectsEnabled(false)
                .setResponseTimeout(Timeout.of(timeout)).build());
        headers.forEach(request::setHeader);
        if (body != null && !body.isBlank()) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        }
        Future<Response> pending = calls.submit(() -> client.execute(request, response -> {
                    byte[] bytes = new byte[0];
                    if (response.getEntity() != null) {
                        try (InputStream in = response.getEntity().getContent()) {
                            bytes = in.readNBytes(maxBytes + 1);
                        }
                    }
                    if (bytes.length > maxBytes) {
                        return new Response(-1, null);
                    }
                    return new Response(response.getCode(), new String(bytes, StandardCharsets.UTF_8));
                }));
        try {
            Response response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.status() == -1) {
                throw new CallFailed(Failure.TOO_LARGE, "the response is larger than " + maxBytes + " bytes");
            }
            return response;
        } catch (TimeoutException e) {
            request.cancel();
            pending.cancel(true);
            throw new CallFailed(Failure.TIMEOUT, "no complete response within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.cancel();
            throw new CallFailed(Failure.TIMEOUT, "interrupted while waiting for the response");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RefusedAddressException refused) {
                throw new CallFailed(Failure.REFUSED_TARGET, refused.getMessage());
            }
            if (cause instanceof java.net.SocketTimeoutException) {
                throw new CallFailed(Failure.TIMEOUT, "no response within " + timeout.toMillis() + " ms");
            }
            throw new CallFailed(Failure.UNREACHABLE, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    /** Refuses a target before any connection: non-http(s), credentials in the URL, or an internal address. */
    void checkTarget(URI url) throws CallFailed {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getUserInfo() != null) {
            throw new CallFailed(Failure.REFUSED_TARGET, "only http(s) addresses with a host and no credentials");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (demo && host.equals("localhost") && !adminAllowed.contains(host) && !isOwnDemoApi(url)) {
            throw new CallFailed(Failure.REFUSED_TARGET, "localhost is allowed only for the demo shop's orders API ("
                    + "/demo/api/ on this server's port); allow-list the host in parley.actions.allowed-hosts if it"
                    + " is yours");
        }
        try {
            new AllowListResolver(allowedHosts).resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw new CallFailed(e instanceof RefusedAddressException ? Failure.REFUSED_TARGET : Failure.UNREACHABLE,
                    e.getMessage());
        }
    }

    private boolean isOwnDemoApi(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String path = url.normalize().getRawPath();
        return ownPort != 0 && port == ownPort && path != null && path.startsWith("/demo/api/");
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        ownPort(started.getWebServer().getPort());
    }

    void ownPort(int port) {
        ownPort = port;
    }

    @Override
    public void destroy() throws IOException {
        calls.shutdownNow();
        client.close();
    }

    /** The guarded resolver, except for hosts an admin allow-listed. */
    private record AllowListResolver(Set<String> allowed) implements DnsResolver {

        private static final GuardedDnsResolver GUARDED = new GuardedDnsResolver(false, "which actions do not call "
                + "(allow-list the host in parley.actions.allowed-hosts if it is yours)");

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return allowed.contains(name.toLowerCase(Locale.ROOT))
                    ? SystemDefaultDnsResolver.INSTANCE.resolve(name) : GUARDED.resolve(name);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
