package dev.parley.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.parley.knowledge.SiteSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SiteFetcherTests {

    private static SiteSettings settings(boolean allowPrivate, int maxBytes) {
        return new SiteSettings(10, Duration.ZERO, Duration.ofSeconds(5), maxBytes, Duration.ZERO, allowPrivate, "ParleyBot");
    }

    @Test
    void refusesInternalAddressesAndOtherSchemesByDefault() throws Exception {
        try (SiteFetcher fetcher = new SiteFetcher(settings(false, 10_000))) {
            for (String address : new String[] {"http://127.0.0.1/", "http://localhost:8080/", "http://169.254.169.254/latest",
                    "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/", "http://0.0.0.0/", "http://100.64.0.1/"}) {
                assertThatThrownBy(() -> fetcher.checkAddress(URI.create(address)), address)
                        .isInstanceOf(UnknownHostException.class).hasMessageContaining("private or local address");
            }
            assertThatThrownBy(() -> fetcher.checkAddress(URI.create("file:///etc/passwd")))
                    .hasMessageContaining("only http and https");
            assertThatThrownBy(() -> fetcher.checkAddress(URI.create("ftp://example.com/")))
                    .hasMessageContaining("only http and https");
        }
        assertThat(SiteFetcher.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(SiteFetcher.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
        assertThat(SiteFetcher.isPublic(InetAddress.getByName("fd00::1"))).isFalse();
    }

    @Test
    void readsPagesWithoutFollowingRedirectsAndStopsAtTheSizeLimit() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/moved", e -> {
            e.getResponseHeaders().add("Location", "/page");
            e.sendResponseHeaders(301, -1);
            e.close();
        });
        server.createContext("/big", e -> {
            byte[] body = "x".repeat(50_000).getBytes(StandardCharsets.UTF_8);
            e.sendResponseHeaders(200, body.length);
            e.getResponseBody().write(body);
            e.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (SiteFetcher fetcher = new SiteFetcher(settings(true, 10_000))) {
            SiteFetcher.Response moved = fetcher.get(URI.create(base + "/moved"));
            assertThat(moved.redirect()).isTrue();
            assertThat(moved.location()).isEqualTo(URI.create(base + "/page"));
            assertThatThrownBy(() -> fetcher.get(URI.create(base + "/big"))).isInstanceOf(SiteFetcher.PageTooLarge.class);
        } finally {
            server.stop(0);
        }
        try (SiteFetcher guarded = new SiteFetcher(settings(false, 10_000))) {
            assertThatThrownBy(() -> guarded.get(URI.create(base + "/moved"))).hasMessageContaining("private or local");
        }
    }
}
