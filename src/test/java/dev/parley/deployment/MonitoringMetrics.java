package dev.parley.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The metric names deploy/'s alert rules and dashboard query, and which of them a node cannot show at start. */
final class MonitoringMetrics {

    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/parley-overview.json");

    /** Counters registered on their first increment (tagged by outcome or author), so absent from a fresh node. */
    static final Set<String> ON_FIRST_USE = Set.of("parley_assistant_outcomes_total", "parley_messages_total");

    /** Written by Prometheus itself, not by the application. */
    static final Set<String> FROM_PROMETHEUS = Set.of("up");

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private MonitoringMetrics() {
    }

    /** Every metric queried by the alert rules and the dashboard. */
    static Set<String> queried() {
        Set<String> names = new TreeSet<>();
        for (Path file : new Path[] {ALERTS, DASHBOARD}) {
            try {
                SELECTOR.matcher(Files.readString(file)).results().map(match -> match.group(1))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** The metrics a freshly started node must export. */
    static Set<String> expectedOnAFreshNode() {
        Set<String> names = queried();
        names.removeAll(ON_FIRST_USE);
        names.removeAll(FROM_PROMETHEUS);
        return names;
    }
}
