package dev.parley.knowledge.internal;

import dev.parley.knowledge.SiteSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import dev.parley.shared.net.GuardedDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Reads pages of a site for the sync: GET only, no cookies, redirects returned (the sync follows them itself, so
 * each hop is checked against the site's host and robots.txt), bodies cut off above a size limit and abandoned when
 * they take longer than {@link #PAGE_TIMEOUTS} request timeouts in all (a server sending a byte now and then would
 * otherwise hold the one sync thread, and every other site's sync behind it, for as long as it liked). Unless private
 * addresses are allowed, names that resolve to loopback, private, link-local or other internal addresses are
 * refused when connecting, so a site address (or a redirect, or DNS) cannot make Parley read internal services.
 */
final class SiteFetcher implements AutoCloseable {

    /** How many request timeouts reading one page may take in all. */
    static final int PAGE_TIMEOUTS = 4;

    private final CloseableHttpClient client;
    private final int maxBytes;
    private final boolean allowPrivate;
    private final Duration pageTimeout;

    SiteFetcher(SiteSettings settings) {
        this.maxBytes = settings.maxPageBytes();
        this.allowPrivate = settings.allowPrivateAddresses();
        this.pageTimeout = settings.timeout().multipliedBy(PAGE_TIMEOUTS);
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(allowPrivate, "which sync does not read"))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent() + "/1.0 (Parley help-center sync)")
                .build();
    }

    /** One response; {@code location} is set for redirects. */
    record Response(int status, String contentType, byte[] body, URI location) {

        boolean ok() {
            return status == 200;
        }

        boolean redirect() {
            return status >= 300 && status < 400 && location != null;
        }
    }

    Response get(URI uri) throws IOException {
        checkAddress(uri);
        long deadline = System.nanoTime() + pageTimeout.toNanos();
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.5");
        return client.execute(get, response -> {
            HttpEntity entity = response.getEntity();
            Header location = response.getFirstHeader("Location");
            byte[] body;
            try {
                body = entity == null ? new byte[0] : read(entity.getContent(), deadline);
            } catch (PageTooLarge | PageTooSlow e) {
                get.cancel(); // closes the connection: the client would otherwise read the rest to reuse it
                throw e;
            }
            String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
            URI next = location == null ? null : uri.resolve(location.getValue().strip());
            return new Response(response.getCode(), type, body, next);
        });
    }

    private byte[] read(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (out.size() + n > maxBytes) {
                throw new PageTooLarge(maxBytes);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new PageTooSlow(pageTimeout);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Refuses addresses that are not http(s) or point inside (checked again at connect time, after DNS). */
    void checkAddress(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new UnknownHostException("only http and https addresses can be synced");
        }
        new GuardedDnsResolver(allowPrivate, "which sync does not read").resolve(uri.getHost());
    }

    /** Whether Parley may connect to this address when private addresses are not allowed. */
    static boolean isPublic(InetAddress address) {
        return GuardedDnsResolver.isPublic(address);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** Thrown when reading a page takes longer than {@link #PAGE_TIMEOUTS} request timeouts. */
    static final class PageTooSlow extends IOException {
        PageTooSlow(Duration limit) {
            super("the page took longer than " + (limit.toMillis() < 10_000 ? limit.toMillis() + " ms"
                    : limit.toSeconds() + " s") + " to read");
        }
    }

    /** Thrown when a page is larger than the configured limit. */
    static final class PageTooLarge extends IOException {
        PageTooLarge(int limit) {
            super("the page is larger than " + limit + " bytes");
        }
    }
}
