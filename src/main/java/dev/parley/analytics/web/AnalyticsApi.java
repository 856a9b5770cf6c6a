package dev.parley.analytics.web;

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
}
