package dev.parley.shared;

import java.util.Arrays;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A listen backlog for bursts of new connections ({@code parley.http.accept-queue-size}). Jetty leaves it to the JVM's
 * default of 50, so a burst (widgets reconnecting their event streams after a node restarted, a crowd of customers
 * arriving at once) overflowed it: the kernel dropped the connections beyond it, and their clients tried again only
 * after TCP's retransmission pauses of 1, 3, 7 and 15 s, so some customers waited 15 s before their request reached
 * the node at all (docs/benchmarks.md, widget load at 256 clients).
 */
@Component
class JettyAcceptQueue implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> {

    private final int size;

    JettyAcceptQueue(AcceptQueueSettings settings) {
        this.size = settings.acceptQueueSize();
    }

    @Override
    public void customize(ConfigurableJettyWebServerFactory factory) {
        factory.addServerCustomizers(server -> Arrays.stream(server.getConnectors())
                .filter(ServerConnector.class::isInstance)
                .forEach(connector -> ((ServerConnector) connector).setAcceptQueueSize(size)));
    }
}
