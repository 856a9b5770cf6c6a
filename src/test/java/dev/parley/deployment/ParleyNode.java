package dev.parley.deployment;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Parley node started from the packaged jar with {@code java -jar} (no shell in between, so
 * {@link #kill()} is a {@code kill -9} of the JVM itself), on a port and data directory of its own; its console goes
 * to {@code <data-dir>/console.log}.
 */
final class ParleyNode implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("parley.test.jar", "target/parley.jar"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path dataDir;
    private final Process process;

    private ParleyNode(String name, int port, Path dataDir, Process process) {
        this.name = name;
        this.port = port;
        this.dataDir = dataDir;
        this.process = process;
    }

    static ParleyNode start(String name, int port, Path dataDir, Map<String, String> environment,
            List<String> arguments) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port, "--parley.data-dir=" + dataDir));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("console.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("PARLEY_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return new ParleyNode(name, port, dataDir, builder.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until the readiness endpoint answers 200 (index and scorer loaded). */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "\n" + logTail(60));
            }
            try {
                var request = HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(5)).build();
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + timeout + "\n" + logTail(60));
    }

    /** {@code kill -9} of the JVM (the process started is java itself). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived kill -9");
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String console() {
        try {
            return Files.readString(dataDir.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console log: " + e + ")";
        }
    }

    String logTail(int lines) {
        List<String> all = console().lines().toList();
        return "---- last " + lines + " lines of node " + name + " (" + dataDir + "/console.log) ----\n"
                + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
