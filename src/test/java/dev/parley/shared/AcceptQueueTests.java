package dev.parley.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The server's listen backlog is the configured one (1024 by default), not the JVM's 50 that Jetty leaves it to: a
 * burst of new connections beyond 50 was dropped by the kernel, and their clients waited for TCP to try again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcceptQueueTests {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerHoldsABurstOfNewConnectionsFarBeyondTheJvmsDefaultBacklog() {
        var server = ((JettyWebServer) context.getWebServer()).getServer();

        assertThat(server.getConnectors()).filteredOn(ServerConnector.class::isInstance).isNotEmpty()
                .allSatisfy(connector -> assertThat(((ServerConnector) connector).getAcceptQueueSize())
                        .isEqualTo(1024));
    }
}
