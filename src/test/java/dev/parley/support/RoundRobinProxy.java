package dev.parley.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP reverse proxy for tests of several nodes: each new client connection goes to the next backend in turn; a
 * backend that refuses the connection is skipped (a node that died), and a client finding no backend is closed. The
 * backends can be changed while it runs. The request lines a client sends are recorded with the backend they went to
 * (found in the byte stream by their shape, which is good enough for a test), so a test can tell where a request
 * went, also on a kept-alive connection. When either side closes or fails, both sides are closed, so a client
 * learns at once that its node is gone.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** A request line a client sent, and the backend port its connection went to. */
    public record Request(int backend, String line) {
    }

    private static final java.util.regex.Pattern REQUEST_LINE = java.util.regex.Pattern.compile(
            "(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S* HTTP/1\\.[01]");

    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile List<Integer> backends;
    private volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

    public RoundRobinProxy(List<Integer> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.server = new ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("proxy-accept").start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The backends new connections go to, in turn (connections already made stay where they are). */
    public void route(List<Integer> backends) {
        this.backends = List.copyOf(backends);
    }

    /**
     * Nothing a client sends reaches a backend until {@link #release()} (new connections wait before they are
     * relayed, open ones before their next bytes are forwarded): no request, no reconnect gets through meanwhile.
     */
    public void hold() {
        held = new java.util.concurrent.CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    /** The requests seen so far, in order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        open.add(client);
        try {
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Socket backend = connect();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        open.add(backend);
        Thread.ofVirtual().start(() -> pump(backend, client, false));
        pump(client, backend, true);
    }

    private Socket connect() {
        List<Integer> ports = backends;
        for (int tried = 0; tried < ports.size(); tried++) {
            int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                return backend;
            } catch (IOException refused) {
                closeQuietly(backend); // a dead node: try the next one
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (fromClient) {
                    held.await();
                    record(to.getPort(), buffer, n);
                }
                out.write(buffer, 0, n);
                out.flush(); // server-sent events reach the client as they come
            }
        } catch (IOException ignored) {
            // either side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private void record(int backend, byte[] bytes, int length) {
        var m = REQUEST_LINE.matcher(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            requests.add(new Request(backend, m.group()));
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(RoundRobinProxy::closeQuietly);
    }
}
