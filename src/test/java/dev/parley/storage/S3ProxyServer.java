package dev.parley.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * S3Proxy (an S3-compatible server, here over a directory) in a process of its own, started from the jar Maven
 * copied into {@code target/s3proxy} at build time: nothing is downloaded while tests run. Without the jar (an IDE
 * run that skipped the build) the test is skipped, except with {@code CI=true}, where it fails.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "parley";
    static final String SECRET_KEY = "parley-secret";

    /** Runs its arguments as a child and ends it when this shell is stopped or its parent (the test JVM) is gone. */
    private static final String WATCHDOG = """
            "$@" &
            child=$!
            parent=$PPID
            trap 'kill $child 2>/dev/null; exit 0' TERM INT
            trap 'kill $child 2>/dev/null' EXIT
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            """;

    private final Process process;
    private final URI endpoint;

    private S3ProxyServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start(Path workDirectory) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("parley.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            String message = "S3Proxy jar not found at " + jar + " (built by mvn process-test-classes)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: it must be there)");
            }
            Assumptions.abort(message);
        }
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Files.createDirectories(workDirectory.resolve("buckets"));
        Path properties = workDirectory.resolve("s3proxy.properties");
        Files.write(properties, List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                // on disk: the in-memory store holds every test's files in S3Proxy's heap
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + workDirectory.resolve("buckets"),
                "jclouds.identity=" + ACCESS_KEY,
                "jclouds.credential=" + SECRET_KEY));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // A shell between the test JVM and S3Proxy stops S3Proxy when the test JVM goes away, even by kill -9.
        Process process = new ProcessBuilder("bash", "-c", WATCHDOG, "s3proxy", java.toString(), "-Xmx384m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDirectory.resolve("s3proxy.log").toFile())
                .start();
        var server = new S3ProxyServer(process, endpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
        server.awaitReady(Duration.ofSeconds(30), workDirectory.resolve("s3proxy.log"));
        return server;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try {
                var connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode(); // any answer (403 without credentials) means it is serving
                connection.disconnect();
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not start within " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
