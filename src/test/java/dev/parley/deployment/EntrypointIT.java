package dev.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container's entrypoint, run as the image runs it, against the jar {@code mvn package} built: the server
 * becomes ready, exports every metric the alert rules and dashboard read, and stops gracefully on SIGTERM;
 * secrets come from {@code *_FILE} variables; the subcommands and the start-up checks work. (Docker itself is
 * not available in CI; the Dockerfile only adds a JRE, a user and this script around the same jar.)
 */
class EntrypointIT {

    private static final Path ENTRYPOINT = Path.of("deploy/docker-entrypoint.sh").toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("parley.test.jar", "target/parley.jar"));
    /** The entrypoint's default {@code JAVA_OPTS}: a cache is only used with the module options it was made with. */
    private static final String DEFAULT_JAVA_OPTS =
            "--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:MaxRAMPercentage=75";

    @TempDir
    Path work;

    @Test
    @Timeout(300)
    void startsTheServerThatExportsTheMonitoredMetricsAndStopsGracefully() throws Exception {
        int port = freePort();
        Files.writeString(work.resolve("admin-password"), "entrypoint-secret-1");
        Process server = entrypoint(Map.of(
                "PORT", String.valueOf(port),
                "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ADMIN_PASSWORD_FILE", work.resolve("admin-password").toString(),
                "PARLEY_ASSISTANT_ENCODER_TUNING", "false",
                // as in deploy/compose.yaml: the scraper reaches the node on an internal network without a token
                "PARLEY_PUBLIC_METRICS", "true"));
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitReady(http, port, server);

            String metrics = get(http, port, "/actuator/prometheus").body();
            for (String name : MonitoringMetrics.expectedOnAFreshNode()) {
                assertThat(metrics).as("metric " + name).containsPattern("(?m)^" + name + "[{ ]");
            }
            // the admin password came from the file, so none was generated
            String log = Files.readString(work.resolve("entrypoint.log"));
            assertThat(log).contains("Created the first admin account").doesNotContain("password:");
        } finally {
            server.destroy(); // SIGTERM to bash, which exec'd into java
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        String log = Files.readString(work.resolve("entrypoint.log"));
        assertThat(log).contains("Graceful shutdown complete");
        assertThat(server.exitValue()).isIn(0, 143);
        // an operator reads the warnings of a first start: each must be one to act on (back up the new key file)
        assertThat(log.lines().filter(line -> line.contains(" WARN "))).as("warnings of a clean first start")
                .allSatisfy(line -> assertThat(line).containsAnyOf("EncryptionKeys", "AdminBootstrap"));
    }

    @Test
    @Timeout(600)
    void makesTheAotCacheAsTheImageBuildDoesAndTheServerStartsWithIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the JVM's AOT cache needs Java 25; the image runs on 25");
        // as the Dockerfile does: the jar extracted, then a training run writes the cache
        Path app = work.resolve("app");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", JAR.toAbsolutePath().toString(),
                "extract", "--destination", app.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile()).start();
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path jar;
        try (var files = Files.list(app)) {
            jar = files.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path cache = work.resolve("parley.aot");
        Process training = entrypoint(Map.of("PARLEY_JAR", jar.toString(), "PARLEY_AOT_CACHE", cache.toString(),
                "PARLEY_AOT_TRAINING_PORT", String.valueOf(freePort())), "aot-cache");
        assertThat(training.waitFor(400, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue()).as(Files.readString(work.resolve("entrypoint.log"))).isZero();
        assertThat(cache).isNotEmptyFile();
        // the training run went up to readiness and stopped gracefully before the JVM wrote the cache
        assertThat(Files.readString(work.resolve("entrypoint.log"))).contains("Graceful shutdown complete")
                .contains("AOTCache creation is complete").doesNotContain(" ERROR ");

        // AOTMode=on: the JVM refuses to start unless it can use the cache (by default it would start without it)
        int port = freePort();
        Process server = entrypoint(Map.of("PARLEY_JAR", jar.toString(), "PARLEY_AOT_CACHE", cache.toString(),
                "PORT", String.valueOf(port), "PARLEY_DATA_DIR", work.resolve("data").toString(),
                "PARLEY_ASSISTANT_ENCODER_TUNING", "false",
                "JAVA_OPTS", DEFAULT_JAVA_OPTS + " -XX:AOTMode=on"));
        try {
            awaitReady(HttpClient.newHttpClient(), port, server);
        } finally {
            server.destroy();
        }
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // a cache it can only partly use (other module options, another jar) is an error the JVM prints and goes on
        assertThat(Files.readString(work.resolve("entrypoint.log"))).doesNotContain("][aot]");
    }

    @Test
    void printsAnEncryptionKeyWithoutStartingTheServer() throws Exception {
        Process process = entrypoint(Map.of(), "encryption-key");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(work.resolve("entrypoint.log")).strip()).matches("(?s).*k\\S+:[A-Za-z0-9+/=]{40,}.*");
    }

    @Test
    void refusesAnUnreadableSecretFileAndAnUnwritableDataDirectory() throws Exception {
        Process missingSecret = entrypoint(Map.of("PARLEY_DATABASE_PASSWORD_FILE", work.resolve("nope").toString()));
        assertThat(missingSecret.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(missingSecret.exitValue()).isEqualTo(66);
        assertThat(Files.readString(work.resolve("entrypoint.log"))).contains("PARLEY_DATABASE_PASSWORD_FILE");

        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        Files.writeString(readOnly.resolve("file"), "x");
        Process unwritable = entrypoint(Map.of("PARLEY_DATA_DIR", readOnly.resolve("file/data").toString()));
        assertThat(unwritable.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unwritable.exitValue()).isEqualTo(73);
    }

    private Process entrypoint(Map<String, String> environment, String... arguments) throws IOException {
        var command = new java.util.ArrayList<String>();
        command.add(ENTRYPOINT.toString());
        command.addAll(java.util.List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("entrypoint.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_") || name.equals("JAVA_OPTS"));
        builder.environment().put("PARLEY_JAR", JAR.toAbsolutePath().toString());
        builder.environment().put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitReady(HttpClient http, int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server exited: " + Files.readString(work.resolve("entrypoint.log")))
                    .isTrue();
            try {
                if (get(http, port, "/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready: " + Files.readString(work.resolve("entrypoint.log")));
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
