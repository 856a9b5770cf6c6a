package dev.parley.realtime.internal;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's socket read and write buffers at 4 KB instead of 8 KB. Every open connection holds both for as long as its
 * request lasts, and an event stream lasts for hours: with the request's input buffer (header size plus the read
 * buffer) that is 12 KB less per open stream (docs/benchmarks.md, live widget streams). The cost: large request bodies
 * and responses move through the socket in 4 KB steps instead of 8 KB.
 */
@Component
class StreamConnectionBuffers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    static final int SOCKET_BUFFER_BYTES = 4096;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
            connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_BYTES));
        });
    }
}
