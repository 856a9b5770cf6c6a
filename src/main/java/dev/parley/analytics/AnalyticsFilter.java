package dev.parley.analytics;

import java.time.LocalDate;
import java.util.UUID;

/** Which conversations a report covers: created from {@code from} to {@code to} inclusive (UTC days). */
public record AnalyticsFilter(LocalDate from, LocalDate to, String channel, UUID teamId) {
}
