package dev.parley.analytics;

import java.util.Map;

/**
 * One action's calls in a date range: how many, how many failed (and of which type), and how long the calls took
 * (average, median and 95th percentile, in milliseconds; {@code null} without calls).
 */
public record ActionFigures(String action, long runs, long failures, double failureRate, Long averageLatencyMs,
        Long p50LatencyMs, Long p95LatencyMs, Map<String, Long> failuresByType) {
}
