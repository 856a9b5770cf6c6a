package dev.parley.analytics.web;

import dev.parley.analytics.ActionFigures;
import dev.parley.analytics.AnalyticsFilter;
import dev.parley.analytics.AnalyticsReports;
import dev.parley.analytics.AnalyticsSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Support analytics for supervisors and admins. */
@RestController
@Tag(name = "Analytics")
class AnalyticsApi {

    private final AnalyticsReports reports;

    AnalyticsApi(AnalyticsReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/analytics/summary")
    @Operation(summary = "Volume (by channel, inbox, category, priority), AI resolution, escalations, response and wait times,"
            + " per-agent figures, CSAT and questions for a date range")
    AnalyticsSummary summary(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String channel, @RequestParam(required = false) UUID team) {
        return reports.summary(new AnalyticsFilter(from, to, channel, team));
    }

    /** The action figures of a range. */
    record ActionReport(LocalDate from, LocalDate to, java.util.List<ActionFigures> actions) {
    }

    @GetMapping("/api/v1/analytics/actions")
    @Operation(summary = "Per action for a date range (UTC days of the calls): runs, failures by type, failure rate and "
            + "call latency (average, p50, p95 in ms); test runs against the mock response are not counted")
    ActionReport actions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new ActionReport(from, to, reports.actions(new AnalyticsFilter(from, to, null, null)));
    }
}
