package dev.parley.realtime.internal;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

/**
 * The socket of the connection a request arrived on, through Jetty's public API (request, connection, end point,
 * transport), for {@link ClientCloseWatch} and {@link ClientConnection}. Jetty keeps its sockets non-blocking and
 * reads nothing from the connection of a request being answered asynchronously once its head is read.
 */
final class JettySockets {

    private JettySockets() {
    }

    /** The request's socket, or null where it cannot be told (another server, a request wrapped beyond recognition). */
    static SocketChannel channelOf(ServletRequest request) {
        try {
            Request jetty = ServletContextRequest.getServletContextRequest(request);
            if (jetty == null || jetty.getConnectionMetaData() == null) {
                return null;
            }
            Object transport = jetty.getConnectionMetaData().getConnection().getEndPoint().getTransport();
            return transport instanceof SocketChannel socket && !socket.isBlocking() ? socket : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // not Jetty's request: the periodic check asks it instead
        }
    }

    /**
     * Whether one non-blocking read finds the client's end of the connection: closed (end of stream or a failed read)
     * or sending bytes a bodiless request never expects. Nothing there to read is no end.
     */
    static boolean endOfStream(SocketChannel channel) {
        try {
            return channel.read(ByteBuffer.allocate(1)) != 0;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }
}
