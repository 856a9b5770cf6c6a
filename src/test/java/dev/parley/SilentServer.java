package dev.parley;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server that takes connections on a loopback port and never says a word (a hung mail server, say). */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private SilentServer(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("silent-server").start(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public static SilentServer start() {
        try {
            return new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections taken so far (each is held unanswered). */
    public int clients() {
        return held.size();
    }

    /** Whether a client has connected and is still waiting. */
    public boolean holdsAClient() {
        return held.stream().anyMatch(socket -> !socket.isClosed());
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
    }
}
