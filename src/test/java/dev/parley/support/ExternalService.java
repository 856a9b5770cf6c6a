package dev.parley.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The services a developer and CI machine run on loopback; tests that need one ask here first. */
public enum ExternalService {
    POSTGRES("PostgreSQL", "127.0.0.1", 5432),
    REDIS("Redis", "127.0.0.1", 6379);

    private final String label;
    private final String host;
    private final int port;

    ExternalService(String label, String host, int port) {
        this.label = label;
        this.host = host;
        this.port = port;
    }

    public String label() {
        return label;
    }

    public String address() {
        return host + ":" + port;
    }

    public boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
