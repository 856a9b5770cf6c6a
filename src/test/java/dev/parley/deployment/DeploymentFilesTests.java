package dev.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What can be checked of deploy/ without Docker: files parse, and they name what the application really has. */
class DeploymentFilesTests {

    private static final Path DEPLOY = Path.of("deploy");

    @Test
    void dashboardParsesAndQueriesTheProvisionedDataSource() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(MonitoringMetrics.DASHBOARD));
        Map<String, Object> datasources = yaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml"));
        @SuppressWarnings("unchecked")
        String uid = ((List<Map<String, Object>>) datasources.get("datasources")).getFirst().get("uid").toString();

        assertThat(dashboard.path("uid").asString()).isEqualTo("parley-overview");
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.path("panels").values()) {
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                    .isEqualTo(uid);
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            panel.path("targets").values().forEach(target ->
                    assertThat(target.path("expr").asString()).contains("job=\"parley\""));
        }
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(path -> path.toString().endsWith(".yml") || path.toString().endsWith(".yaml"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                List<Object> documents = new ArrayList<>();
                new Yaml().loadAll(in).forEach(documents::add);
                assertThat(documents).as(file.toString()).isNotEmpty().doesNotContainNull();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheWholeTopology() throws IOException {
        Map<String, Object> services = (Map<String, Object>) yaml(DEPLOY.resolve("compose.yaml")).get("services");

        assertThat(services).containsKeys("postgres", "redis", "minio", "web-1", "web-2", "worker", "nginx",
                "prometheus", "grafana");
        Map<String, Object> web = (Map<String, Object>) services.get("web-1");
        Map<String, Object> environment = (Map<String, Object>) web.get("environment");
        assertThat(environment).containsEntry("PARLEY_REDIS_ENABLED", "true")
                .containsEntry("PARLEY_STORAGE_TYPE", "s3").containsEntry("PARLEY_FORWARD_HEADERS", "native")
                .containsEntry("PARLEY_NODE_ROLES", "web");
        Map<String, Object> worker = (Map<String, Object>) ((Map<String, Object>) services.get("worker")).get("environment");
        assertThat(worker).containsEntry("PARLEY_NODE_ROLES", "worker").containsEntry("PARLEY_REDIS_ENABLED", "true");
    }

    @Test
    void theProxyStreamsServerSentEventsUnbuffered() throws IOException {
        String nginx = Files.readString(DEPLOY.resolve("nginx/parley.conf"));
        var location = Pattern.compile("location ~ (\\S+) \\{([^}]*)}").matcher(nginx);

        assertThat(location.find()).isTrue();
        var streams = Pattern.compile(location.group(1));
        assertThat(streams.matcher("/api/v1/widget/conversations/0b7c/events").matches()).isTrue();
        assertThat(streams.matcher("/dashboard/events").matches()).isTrue();
        assertThat(streams.matcher("/api/v1/widget/conversations/0b7c/messages").matches()).isFalse();
        assertThat(location.group(2)).contains("proxy_buffering off;").contains("proxy_read_timeout 1h;");
        // the application's stream endpoints are still where the proxy expects them
        assertThat(source("channel/web/WidgetStream.java")).contains("/api/v1/widget/conversations/{id}/events");
        assertThat(source("workspace/web/DashboardEvents.java")).contains("\"/dashboard/events\"");
    }

    @Test
    void countersRegisteredOnFirstUseExistInTheCode() throws IOException {
        assertThat(source("analytics/internal/SupportMetrics.java"))
                .contains("Counter.builder(\"parley.assistant.outcomes\")")
                .contains("Counter.builder(\"parley.messages\")");
        assertThat(MonitoringMetrics.queried()).containsAll(MonitoringMetrics.ON_FIRST_USE);
    }

    @Test
    void theEntrypointIsAnExecutableBashScript() throws IOException {
        Path entrypoint = DEPLOY.resolve("docker-entrypoint.sh");

        assertThat(Files.isExecutable(entrypoint)).isTrue();
        assertThat(Files.readString(entrypoint)).startsWith("#!/usr/bin/env bash\n").contains("exec java");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("USER 10001").contains("HEALTHCHECK")
                .contains("eclipse-temurin:25-jre").contains("ENTRYPOINT [\"/app/docker-entrypoint.sh\"]")
                // the AOT cache is made at build time for the extracted jar the image runs (ADR 0034)
                .contains("docker-entrypoint.sh aot-cache").contains("PARLEY_JAR=/app/app/parley.jar")
                .contains("PARLEY_AOT_CACHE=/app/parley.aot");
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    private static String source(String file) throws IOException {
        return Files.readString(Path.of("src/main/java/dev/parley").resolve(file));
    }
}
