package dev.parley.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules pass {@code promtool check rules} and their unit tests ({@code promtool test rules}). promtool
 * comes with Debian's prometheus package (.ci/run installs it); without it the test is skipped, except with
 * {@code CI=true}, where it fails.
 */
class AlertRulesTests {

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = List.of(System.getenv().getOrDefault("PROMTOOL", "/usr/bin/promtool"), "/usr/local/bin/promtool")
                .stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            String message = "promtool not found (apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: it must be installed)");
            }
            Assumptions.abort(message);
        }
    }

    @Test
    void rulesAreValid() throws Exception {
        var result = run("check", "rules", "alerts.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 10 rules found");
    }

    @Test
    void rulesFireInTheSituationsTheirTestsDescribe() throws Exception {
        var result = run("test", "rules", "alerts.test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void scrapeConfigurationIsValid(@TempDir Path work) throws Exception {
        // the compose file mounts the rules at /etc/prometheus; point the copy at the file in the repository
        String config = Files.readString(MonitoringMetrics.ALERTS.resolveSibling("prometheus.yml"))
                .replace("/etc/prometheus/alerts.yml", MonitoringMetrics.ALERTS.toAbsolutePath().toString());
        Files.writeString(work.resolve("prometheus.yml"), config);

        var result = run("check", "config", work.resolve("prometheus.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 10 rules found");
    }

    @Test
    void everyAlertHasATestThatFiresIt() throws IOException {
        String rules = Files.readString(MonitoringMetrics.ALERTS);
        String tests = Files.readString(MonitoringMetrics.ALERTS.resolveSibling("alerts.test.yml"));

        rules.lines().map(String::strip).filter(line -> line.startsWith("- alert: "))
                .map(line -> line.substring("- alert: ".length()))
                .forEach(alert -> assertThat(tests).as("a test for " + alert)
                        .containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels"));
    }

    private static Result run(String... arguments) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(MonitoringMetrics.ALERTS.getParent().toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
