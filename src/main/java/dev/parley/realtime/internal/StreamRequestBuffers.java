package dev.parley.realtime.internal;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Small servlet buffers for event streams (docs/benchmarks.md, live widget streams). Tomcat gives every request
 * object an input buffer of 8 K chars and every response object an output buffer of 8 KB and 8 K chars: 40 KB,
 * allocated with the objects and held for as long as the request lasts. An event stream lasts for hours and writes a
 * few hundred bytes at a time, so a request for {@code text/event-stream} is served by a request/response pair of its
 * own with 1 K buffers ({@link StreamAwareAdapter}); every other request gets Tomcat's usual pair.
 */
@Component
class StreamRequestBuffers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(StreamRequestBuffers::install);
    }

    /** Puts the stream-aware adapter in front of the connector once the connector has made its own. */
    static void install(Connector connector) {
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())
                    && !(connector.getProtocolHandler().getAdapter() instanceof StreamAwareAdapter)) {
                connector.getProtocolHandler().setAdapter(new StreamAwareAdapter(connector));
            }
        });
    }
}
