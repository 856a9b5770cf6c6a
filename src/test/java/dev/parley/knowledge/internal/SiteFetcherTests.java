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
        return settings(allowPrivate, maxBytes, Duration.ofSeconds(5));
    }

    private static SiteSettings settings(boolean allowPrivate, int maxBytes, Duration timeout) {
        return new SiteSettings(10, Duration.ZERO, timeout, maxBytes, Duration.ZERO, allowPrivate, "ParleyBot");
    }

    @Test
    void abandonsAPageThatTricklesInSlowerThanItsTimeoutsAllow() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/trickle", e -> {
            e.sendResponseHeaders(200, 0);
            try (var body = e.getResponseBody()) {
                for (int i = 0; i < 200; i++) { // each byte well inside the read timeout, the whole far beyond
                    body.write('x');
                    body.flush();
                    sent.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (java.io.IOException | InterruptedException gone) {
                // the client gave up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try (SiteFetcher fetcher = new SiteFetcher(settings(true, 10_000, Duration.ofMillis(300)))) {
            assertThatThrownBy(() -> fetcher.get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/trickle")))
                    .isInstanceOf(SiteFetcher.PageTooSlow.class)
                    .hasMessage("the page took longer than 1200 ms to read");
            assertThat(sent.get()).as("abandoned long before the page's end").isLessThan(100);
        } finally {
            server.stop(0);
        }
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
        java.util.concurrent.atomic.AtomicLong endlessSent = new java.util.concurrent.atomic.AtomicLong();
        server.createContext("/endless", e -> {
            e.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (var body = e.getResponseBody()) {
                while (endlessSent.get() < 200_000_000) {
                    body.write(chunk);
                    endlessSent.addAndGet(chunk.length);
                }
            } catch (java.io.IOException gone) {
                // the client hung up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (SiteFetcher fetcher = new SiteFetcher(settings(true, 10_000))) {
            assertThatThrownBy(() -> fetcher.get(URI.create(base + "/endless"))).isInstanceOf(SiteFetcher.PageTooLarge.class);
            assertThat(endlessSent.get()).as("the connection is closed, not read to its end").isLessThan(50_000_000);
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
